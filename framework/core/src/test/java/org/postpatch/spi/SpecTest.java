package org.postpatch.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.postpatch.config.ConfigNode;
import org.postpatch.config.ConfigTreeReader;
import org.postpatch.config.Problem;
import org.postpatch.config.Problems;

/** How a kind reads its block: only through its spec, only the keys it declared, one regex rule for all. */
class SpecTest {

    /** A kind declaring {@code host}, {@code port}, {@code matches} and an {@code expect} block with {@code exit}. */
    private static final ProbeKind DECLARED = new ProbeKind() {
        @Override
        public String name() {
            return "sample";
        }

        @Override
        public Optional<Shape> declaration() {
            return Optional.of(Shape.block(
                    Key.required("host", Shape.string(), "The host."),
                    Key.required("port", Shape.wholeNumber(1, 65_535), "The port."),
                    Key.optional("matches", Shape.pattern(), "A pattern."),
                    Key.optional("expect", Shape.block(
                            Key.optional("exit", Shape.either(Shape.wholeNumber(0, 255),
                                    Shape.listOf(Shape.wholeNumber(0, 255))), "`0`", "Exit codes.")), "An expectation.")));
        }

        @Override
        public Binding bind(Spec spec) {
            return Binding.invalid();
        }
    };

    private static final ProbeKind UNDECLARED = new ProbeKind() {
        @Override
        public String name() {
            return "free";
        }

        @Override
        public Binding bind(Spec spec) {
            return Binding.invalid();
        }
    };

    private final Problems problems = new Problems();

    private Spec spec(ProbeKind kind, String yaml) {
        return Spec.forValidation(kind, node(yaml), problems);
    }

    private ConfigNode node(String yaml) {
        return new ConfigTreeReader().read("probes.yaml", yaml.getBytes(StandardCharsets.UTF_8), problems).orElseThrow();
    }

    private List<String> messages() {
        return problems.all().stream().map(Problem::message).toList();
    }

    @Test
    void aKindThatReadsAKeyItDidNotDeclareFailsNamingTheKindAndTheKey() {
        Spec spec = spec(DECLARED, "{ host: db, port: 5432 }");

        assertThatThrownBy(() -> spec.optionalString("banner"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the sample kind reads 'banner' in sample, which its declaration does not list:"
                        + " add it to the kind's declaration()");
        Spec expect = spec(DECLARED, "{ host: db, port: 1, expect: { exit: 0 } }").child("expect").orElseThrow();
        assertThatThrownBy(() -> expect.has("stdout")).hasMessageContaining("reads 'stdout' in sample.expect");
    }

    @Test
    void unknownKeysAreTheUndeclaredOnesWithTheClosestDeclaredKeySuggested() {
        Spec spec = spec(DECLARED, "{ host: db, port: 5432, prot: 1, matches: x }");
        spec.string("host");

        spec.finish();

        // "port" and "matches" were never read, but they are declared: only "prot" is unknown.
        assertThat(messages()).containsExactly("sample: unknown key 'prot' (did you mean 'port'?)");
    }

    @Test
    void aKindWithoutADeclarationKeepsItsUnreadKeysUnknown() {
        Spec spec = spec(UNDECLARED, "{ message: hi, mesage: typo }");
        spec.optionalString("message");

        spec.finish();

        assertThat(messages()).containsExactly("free: unknown key 'mesage' (did you mean 'message'?)");
    }

    @Test
    void aRequiredWholeNumberIsCheckedAgainstItsBounds() {
        assertThat(spec(DECLARED, "{ host: db }").integer("port", 1, 65_535)).isEmpty();
        assertThat(spec(DECLARED, "{ host: db, port: 70000 }").integer("port", 1, 65_535)).isEmpty();
        assertThat(spec(DECLARED, "{ host: db, port: '5432' }").integer("port", 1, 65_535)).contains(5432L);

        assertThat(messages()).containsExactly("sample: missing 'port' (a whole number from 1 to 65535)",
                "sample.port: expected a whole number from 1 to 65535, found 70000");
    }

    @Test
    void everyKindsRegularExpressionsMatchAtEachLineOfTheText() {
        Pattern pattern = spec(DECLARED, "{ matches: '^active$' }").pattern("matches").orElseThrow();

        assertThat(pattern.matcher("unit: nginx\nactive\n").find()).isTrue();
        assertThat(pattern.matcher("inactive").find()).isFalse();
        assertThat(spec(DECLARED, "{ matches: '\\Aactive\\z' }").pattern("matches").orElseThrow()
                .matcher("unit\nactive").find()).as("\\A and \\z anchor the whole text").isFalse();
    }

    @Test
    void anInvalidRegularExpressionIsReportedAtItsKey() {
        assertThat(spec(DECLARED, "{ matches: '([a-z' }").pattern("matches")).isEmpty();

        assertThat(problems.all()).singleElement().satisfies(problem -> {
            assertThat(problem.location().column()).isEqualTo(12);
            assertThat(problem.message()).isEqualTo("sample.matches: '([a-z' is not a valid regular expression:"
                    + " Unclosed character class near index 4");
        });
    }

    @Test
    void aValueCapturedByAnotherProbeIsAPlaceholderUntilTheProbeRuns() {
        ConfigNode block = node("{ host: db, port: '${port}', matches: '${pattern}' }")
                .mapStrings(string -> string.text().contains("${") ? string.asDeferred() : string);
        Spec spec = Spec.forValidation(DECLARED, block, problems);

        assertThat(spec.stage()).isEqualTo(Spec.Stage.VALIDATION);
        assertThat(spec.isDeferred("port")).isTrue();
        assertThat(spec.isDeferred("host")).isFalse();
        assertThat(spec.integer("port", 1, 65_535)).as("not judged before it is known").contains(0L);
        assertThat(spec.pattern("matches").orElseThrow().matcher("${pattern}").matches()).isTrue();
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void itemsOfAListAreReadWithTheShapeTheirListDeclares() {
        Spec expect = spec(DECLARED, "{ expect: { exit: [0, 300] } }").child("expect").orElseThrow();
        List<Spec> codes = expect.child("exit").orElseThrow().items();

        assertThat(codes).extracting(Spec::text).containsExactly("0", "300");
        assertThat(codes.get(1).path()).isEqualTo("sample.expect.exit[1]");
    }

    @Test
    void aBindingIsACheckToRunOrNothingAfterAReportedProblem() {
        Check check = context -> null;

        assertThat(Binding.of(check).check()).containsSame(check);
        assertThat(Binding.invalid().isInvalid()).isTrue();
        assertThat(Binding.invalid(java.util.Set.of("orderId")).captures()).containsExactly("orderId");
        assertThatThrownBy(() -> Binding.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("return Binding.invalid() after reporting a problem");
    }

    @Test
    void aDeclarationNamesTheRuleItBreaks() {
        assertThatThrownBy(() -> Shape.block(Key.optional("a", Shape.string(), "A."), Key.optional("a", Shape.bool(), "B.")))
                .hasMessage("two keys are named 'a' in one block");
        assertThatThrownBy(() -> Key.required("host", Shape.string(), ""))
                .hasMessage("key 'host' needs its meaning in one line, found ''");
        assertThatThrownBy(() -> new Key("port", Shape.wholeNumber(1, 9), true, Optional.of("80"), "The port."))
                .hasMessage("key 'port' is required, so it cannot have a default ('80')");
        assertThatThrownBy(() -> Shape.wholeNumber(10, 1))
                .hasMessage("a whole number's min (10) must not be greater than its max (1)");
    }
}
