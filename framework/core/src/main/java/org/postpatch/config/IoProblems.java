package org.postpatch.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What went wrong with a file, in words: the JDK's file exceptions often carry nothing but a path
 * as their message ("/proc/nope"), which tells a user where but not what.
 */
public final class IoProblems {

    private IoProblems() {
    }

    /** A one-line description of {@code problem}, naming the file it concerns. */
    public static String describe(IOException problem) {
        if (problem instanceof FileSystemException file) {
            String path = file.getFile();
            String what;
            if (problem instanceof NoSuchFileException) {
                what = "no such file or folder";
            } else if (problem instanceof AccessDeniedException) {
                what = "permission denied";
            } else if (problem instanceof FileAlreadyExistsException) {
                what = "already exists";
            } else if (problem instanceof NotDirectoryException) {
                what = "not a folder";
            } else {
                what = file.getReason() != null ? file.getReason() : problem.getClass().getSimpleName();
            }
            String other = file.getOtherFile() != null ? " -> " + file.getOtherFile() : "";
            return path == null ? what : what + ": " + path + other;
        }
        return problem.getMessage() != null ? problem.getMessage() : problem.getClass().getSimpleName();
    }
}
