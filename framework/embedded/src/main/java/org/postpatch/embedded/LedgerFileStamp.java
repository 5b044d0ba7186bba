package org.postpatch.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What an H2 ledger file holds, byte for byte, at one moment: its length and the SHA-256 of its
 * content. Any change to the file — a run recorded by any process, even another process opening it
 * to read, which H2 does by writing to it — gives another stamp; a modification time would not
 * (file systems count it in coarse steps).
 *
 * @param bytes  the file's length
 * @param sha256 the SHA-256 of its content, in hex
 */
record LedgerFileStamp(long bytes, String sha256) {

    private static final int BUFFER = 64 * 1024;

    /**
     * The stamp of the file now, read under a shared lock of the file (H2 locks it while a process has
     * the ledger open, {@code FILE_LOCK=FS}); empty when it does not exist, cannot be read, or some
     * process (this one included) has the ledger open at this moment: what is in the file may then
     * be about to change.
     */
    static Optional<LedgerFileStamp> of(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true)) {
            if (lock == null) {
                return Optional.empty();
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            long bytes = 0;
            for (int read = channel.read(buffer); read >= 0; read = channel.read(buffer)) {
                sha.update(buffer.array(), 0, read);
                bytes += read;
                buffer.clear();
            }
            return Optional.of(new LedgerFileStamp(bytes, HexFormat.of().formatHex(sha.digest())));
        } catch (IOException | OverlappingFileLockException | NoSuchAlgorithmException unreadable) {
            return Optional.empty();
        }
    }
}
