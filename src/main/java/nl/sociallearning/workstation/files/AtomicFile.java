package nl.sociallearning.workstation.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.UnaryOperator;

/**
 * Writes a file so that it is either complete or not there: into a temporary file beside it, forced to disk, then
 * moved over the target in one step. When anything fails (a full disk, a lost network drive) the temporary file is
 * deleted and a file that was there before stays as it was.
 */
public final class AtomicFile {

    /** Writes the content of a file to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final UnaryOperator<OutputStream> decorator;

    /** {@code decorator} wraps the file's stream; tests pass one that fails like a full disk. */
    public AtomicFile(UnaryOperator<OutputStream> decorator) {
        this.decorator = decorator;
    }

    public AtomicFile() {
        this(UnaryOperator.identity());
    }

    public void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(String.valueOf(dir), null, "the folder does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new FileSystemException(absolute.toString(), null, "it is a folder, not a file");
        }
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".part");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(decorator.apply(Channels.newOutputStream(channel)), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
