package org.postpatch.probes.http.expect.jsonpath;

/** Which characters a member name may use in dot notation ({@code $.name}), per RFC 9535's {@code member-name-shorthand}. */
final class Names {

    private Names() {
    }

    /** A letter, {@code _}, or any character from U+0080 (surrogates excluded). */
    static boolean isNameFirst(int codePoint) {
        return (codePoint >= 'A' && codePoint <= 'Z') || (codePoint >= 'a' && codePoint <= 'z') || codePoint == '_'
                || (codePoint >= 0x80 && codePoint <= 0xD7FF) || (codePoint >= 0xE000 && codePoint <= 0x10FFFF);
    }

    static boolean isNameChar(int codePoint) {
        return isNameFirst(codePoint) || (codePoint >= '0' && codePoint <= '9');
    }

    /**
     * A character postpatch also accepts in a name after a dot, beyond RFC 9535: anything but blank
     * space, control characters and the characters that mean something in a query.
     */
    static boolean isWiderNameChar(int codePoint) {
        return codePoint > 0x20 && codePoint != 0x7F && "[](),.'\"=!<>&|?*\\".indexOf(codePoint) < 0;
    }

    /** True when {@code name} can be written after a dot. */
    static boolean isShorthand(String name) {
        if (name.isEmpty() || !isNameFirst(name.codePointAt(0))) {
            return false;
        }
        return name.codePoints().allMatch(Names::isNameChar);
    }
}
