package org.postpatch.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postpatch.spi.Binding;
import org.postpatch.spi.Key;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.ProbeKinds;
import org.postpatch.spi.Shape;
import org.postpatch.spi.Spec;

/**
 * The reference in {@code docs/} is assembled from the modules' READMEs, and the generator's check
 * finds every way the two can part: a README edited without regenerating, a copy edited by hand, a
 * module gone, a kind documented twice or nowhere. Each test works on a small repository of its own.
 */
class ModuleReferenceTest {

    @TempDir
    Path root;

    private DocsGenerator generator;

    @BeforeEach
    void aRepositoryWithOneProbeModule() throws IOException {
        write("README.md", "# demo project\n\nSee [the disk kind](docs/kinds/disk.md).\n");
        write("probes/disk/README.md", """
                # disk probes

                ```yaml
                - id: disk
                  disk: { path: / }
                ```

                <!-- keys:disk -->
                <!-- /keys -->

                How fast: [benchmarks](../../benchmarks/README.md#b1). Its code: [DiskKind](src/main/java/DiskKind.java).
                More about [the keys](#disk-probes). `[not a link](in/a/code/span.md)`
                """);
        generator = new DocsGenerator(root, ProbeKinds.of(new DiskKind()));
        generator.generated().forEach((file, content) -> write(root.relativize(file).toString(), content));
    }

    @Test
    void theCopyIsTheModulesReadmeWithItsTableAndItsLinksLeadingFromDocs() throws IOException {
        String copy = read("docs/kinds/disk.md");

        assertThat(copy).startsWith("<!-- Generated from probes/disk/README.md by framework/docs: edit that file, then run "
                + DocsGenerator.REGENERATE + " -->\n# disk probes\n");
        assertThat(copy).contains("| `path` | path | *required* | The folder to look at. |")
                .contains("[benchmarks](../../benchmarks/README.md#b1)")
                .contains("[DiskKind](../../probes/disk/src/main/java/DiskKind.java)")
                .contains("[the keys](#disk-probes)")
                .contains("`[not a link](in/a/code/span.md)`");
        assertThat(generator.stale()).isEmpty();
    }

    @Test
    void aModuleReadmeEditedWithoutRegeneratingMakesItsCopyStaleAndTheCheckSaysHowToRegenerate() throws IOException {
        write("probes/disk/README.md", read("probes/disk/README.md").replace("How fast", "How slow"));

        assertThat(generator.stale()).containsExactly(root.resolve("docs/kinds/disk.md"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = generator.run(true, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("docs/kinds/disk.md is out of date; regenerate it with "
                + DocsGenerator.REGENERATE);
    }

    @Test
    void aCopyEditedByHandIsStaleAndWrittenAgainFromItsModule() throws IOException {
        String copy = read("docs/kinds/disk.md");
        write("docs/kinds/disk.md", copy.replace("# disk probes", "# disk probes, improved here"));

        assertThat(generator.stale()).containsExactly(root.resolve("docs/kinds/disk.md"));
        generator.run(false, new PrintStream(new ByteArrayOutputStream()), System.err);

        assertThat(read("docs/kinds/disk.md")).isEqualTo(copy);
        assertThat(generator.stale()).isEmpty();
    }

    @Test
    void theCopyOfAModuleThatHasNoReadmeAnyMoreIsStaleAndRemoved() throws IOException {
        write("probes/gone/README.md", "# gone\n");
        generator.generated().forEach((file, content) -> write(root.relativize(file).toString(), content));
        Files.delete(root.resolve("probes/gone/README.md"));

        assertThat(generator.stale()).contains(root.resolve("docs/kinds/gone.md"));
        generator.run(false, new PrintStream(new ByteArrayOutputStream()), System.err);

        assertThat(root.resolve("docs/kinds/gone.md")).doesNotExist();
    }

    @Test
    void theIndexLinksEachKindToTheOnePlaceThatDocumentsIt() throws IOException {
        assertThat(read("docs/kinds/README.md"))
                .contains("| `disk` | [disk probes](disk.md) | `probes/disk/README.md` |");
    }

    @Test
    void aKindDocumentedInTwoPlacesIsRefusedNamingBoth() {
        write("docs/disks.md", "# Disks\n\n<!-- keys:disk -->\n<!-- /keys -->\n");

        assertThatThrownBy(generator::generated).hasMessage("the probe kind 'disk' is documented in more than one place: "
                + "probes/disk/README.md:8, docs/disks.md:3; document each kind once, in the README of the module that provides it");
    }

    @Test
    void aKindDocumentedNowhereIsRefused() {
        write("probes/disk/README.md", "# disk probes\n\nNo table.\n");

        assertThatThrownBy(generator::generated).hasMessageStartingWith(
                "the probe kind 'disk' is documented nowhere: no <!-- keys:disk --> table");
    }

    @Test
    void aPageWrittenByHandIsNeverOverwrittenByACopy() {
        write("framework/disk/README.md", "# the disk framework module\n");
        write("docs/disk.md", "# Disk, written by hand\n");

        assertThatThrownBy(generator::generated).hasMessage("docs/disk.md is written by hand, but it is where the copy of "
                + "framework/disk/README.md goes; rename one of them");
    }

    @Test
    void aLinkToAnotherModulesReadmeLeadsToItsCopy() throws IOException {
        write("framework/boot/README.md", "# boot\n\nThe kind: [disk](../../probes/disk/README.md#disk-probes).\n");

        assertThat(generator.generated().get(root.resolve("docs/boot.md")))
                .contains("The kind: [disk](kinds/disk.md#disk-probes).");
    }

    private String read(String file) throws IOException {
        return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
    }

    private void write(String file, String content) {
        try {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A kind with a declared block, as the README's table documents it. */
    private static final class DiskKind implements ProbeKind {

        @Override
        public String name() {
            return "disk";
        }

        @Override
        public Optional<Shape> declaration() {
            return Optional.of(Shape.block(Key.required("path", Shape.string().documentedAs("path"), "The folder to look at.")));
        }

        @Override
        public Binding bind(Spec spec) {
            return Binding.invalid();
        }
    }
}
