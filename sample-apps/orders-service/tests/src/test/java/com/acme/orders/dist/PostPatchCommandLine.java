package com.acme.orders.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code postpatch} command line as users run it: the built jar, in its own process. */
final class PostPatchCommandLine {

    /** The exit code and what the command printed, standard output and error apart. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    private PostPatchCommandLine() {
    }

    /** Runs {@code postpatch args...} in {@code folder} and waits for it (five minutes at most). */
    static Result run(Path folder, String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("postpatch.jar", "../../../framework/cli/target/postpatch.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build framework/cli with mvn package first");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(folder, "postpatch-", ".out");
        Path err = Files.createTempFile(folder, "postpatch-", ".err");
        Process process = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("postpatch " + String.join(" ", args) + " did not end within 5 minutes");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
