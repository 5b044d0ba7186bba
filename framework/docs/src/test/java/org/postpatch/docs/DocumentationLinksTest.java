package org.postpatch.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postpatch.docs.GeneratedDocsTest.ROOT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the documentation — the README, {@code docs/} and every module's README —
 * leads to a file that exists, and every anchor to a heading of its document, as GitHub names it.
 */
class DocumentationLinksTest {

    @Test
    void everyRelativeLinkAndAnchorOfTheDocumentationLeadsSomewhere() throws IOException {
        List<Path> documents = RepositoryDocuments.markdown(ROOT);
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path document : documents) {
            String text = Files.readString(document, StandardCharsets.UTF_8);
            for (MarkdownLinks.Link link : MarkdownLinks.in(text)) {
                if (link.isRelative()) {
                    links++;
                    problem(document, text, link).ifPresent(problem -> broken.add(ROOT.relativize(document) + ":" + link.line()
                            + ": (" + link.target() + ") " + problem));
                }
            }
        }

        assertThat(documents).extracting(document -> ROOT.relativize(document).toString())
                .contains("README.md", "docs/README.md", "docs/kinds/http.md", "probes/http/README.md");
        assertThat(links).as("relative links checked").isGreaterThan(100);
        assertThat(broken).as("links that lead nowhere").isEmpty();
    }

    @Test
    void anchorsAreNamedAsGitHubNamesThem() {
        assertThat(Anchors.slug("Snapshots: the baseline's response is the expectation"))
                .isEqualTo("snapshots-the-baselines-response-is-the-expectation");
        assertThat(Anchors.slug("Version ranges (`jvm`, `classpath`)")).isEqualTo("version-ranges-jvm-classpath");
        assertThat(Anchors.slug("What `ctx.http()` sets up")).isEqualTo("what-ctxhttp-sets-up");
        assertThat(Anchors.slug("`run`, `baseline`, `verify`")).isEqualTo("run-baseline-verify");
        assertThat(Anchors.slug("Snapshots: what `expect: { snapshot: true }` costs"))
                .isEqualTo("snapshots-what-expect--snapshot-true--costs");
        assertThat(Anchors.of("# A\n## Messages\n```\n# not a heading\n```\n## Messages\n"))
                .containsExactly("a", "messages", "messages-1");
    }

    private static Optional<String> problem(Path document, String text, MarkdownLinks.Link link) throws IOException {
        Path target = link.path().isEmpty() ? document : document.getParent().resolve(link.path()).normalize();
        if (!Files.exists(target)) {
            return Optional.of("no such file: " + ROOT.relativize(target));
        }
        if (link.anchor().isEmpty() || !target.toString().endsWith(".md")) {
            return Optional.empty();
        }
        String targetText = target.equals(document) ? text : Files.readString(target, StandardCharsets.UTF_8);
        return Anchors.of(targetText).contains(link.anchor()) ? Optional.empty()
                : Optional.of("no heading #" + link.anchor() + " in " + ROOT.relativize(target));
    }
}
