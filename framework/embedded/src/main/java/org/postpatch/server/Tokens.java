package org.postpatch.server;

/** The characters HTTP allows in a token (a method, a header name): RFC 9110, section 5.6.2. */
final class Tokens {

    private static final String SPECIALS = "!#$%&'*+-.^_`|~";

    private Tokens() {
    }

    static boolean isToken(CharSequence text) {
        if (text.length() == 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isTokenChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c < 128 && SPECIALS.indexOf(c) >= 0);
    }
}
