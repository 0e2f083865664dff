package nl.sociallearning.workstation.assessment.exchange;

import java.util.List;

/**
 * Where assessors' signed records files meet when there is a network: the course server. A failure to reach it is
 * an {@link ExchangeException} with {@code SERVER}.
 */
public interface RecordsMailbox {

    void put(String assessmentId, String assessorId, byte[] file);

    List<byte[]> files(String assessmentId);
}
