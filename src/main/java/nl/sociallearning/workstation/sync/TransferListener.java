package nl.sociallearning.workstation.sync;

/** Hears how many bytes of an answer have arrived, for progress. */
@FunctionalInterface
public interface TransferListener {
    void bytesRead(long total);

    TransferListener NONE = total -> { };
}
