package nl.sociallearning.workstation.assessment.exchange;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.sociallearning.workstation.assessment.audit.Canonical;
import nl.sociallearning.workstation.assessment.exchange.ExchangeException.Problem;
import nl.sociallearning.workstation.domain.assessment.Assessment;
import nl.sociallearning.workstation.domain.assessment.Assessor;
import nl.sociallearning.workstation.domain.assessment.CourseEvidence;
import nl.sociallearning.workstation.domain.assessment.CriterionLevel;
import nl.sociallearning.workstation.domain.assessment.Dossier;
import nl.sociallearning.workstation.domain.assessment.LevelLock;
import nl.sociallearning.workstation.domain.assessment.Note;
import nl.sociallearning.workstation.domain.assessment.NoteLink;
import nl.sociallearning.workstation.store.AssessmentRepository;
import nl.sociallearning.workstation.store.Cache;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One assessor's records as a signed file, for two assessors on two laptops without a network. The payload is
 * canonical JSON signed with the workstation's Ed25519 key. Import checks the signature, the key against the one
 * seen before for that assessor, and every record against what is there: new records are added, identical ones
 * skipped, and a record that differs refuses the whole file; nothing is overwritten.
 * <p>
 * Links and levels travel only once the assessor has locked them: before that they may still change, and a
 * changed record could not be added without overwriting.
 */
public final class ExchangeFile {

    public static final String FORMAT = "wacker-exchange/1";

    /** What an import added. */
    public record Imported(String assessmentId, String assessorId, String keyFingerprint, boolean newKey, boolean created,
                           int added, int skipped) { }

    /** What an exchange through the server did: the files added, and those refused (each with its reason). */
    public record ServerExchange(List<Imported> imported, List<ExchangeException> refused) {
        public int added() {
            return imported.stream().mapToInt(Imported::added).sum();
        }
    }

    private final Cache cache;
    private final SigningKey key;
    private final Clock clock;

    public ExchangeFile(Cache cache, SigningKey key, Clock clock) {
        this.cache = cache;
        this.key = key;
        this.clock = clock;
    }

    public byte[] export(String assessmentId, String assessorId) {
        Dossier d = cache.assessments().dossier(assessmentId).orElseThrow(() -> new IllegalArgumentException(assessmentId));
        Assessor who = d.assessment().assessor(assessorId).orElseThrow(() -> new IllegalArgumentException(assessorId));
        // A third assessor does not lock: their levels are given once the observers have locked, in the open.
        boolean locked = d.hasLocked(assessorId)
                || who.role() == nl.sociallearning.workstation.domain.assessment.AssessorRole.THIRD && d.allObserversLocked();
        ObjectNode payload = Canonical.MAPPER.createObjectNode();
        payload.put("format", FORMAT);
        payload.put("exportedAt", clock.instant().toString());
        payload.set("assessment", Canonical.MAPPER.valueToTree(new Assessment(d.assessment().id(), d.assessment().frameworkCode(),
                d.assessment().context(), d.assessment().assessors(), d.assessment().createdAt(),
                d.assessment().observationStartedAt(), d.assessment().observationEndedAt(), null)));
        payload.set("assessor", Canonical.MAPPER.valueToTree(who));
        payload.set("notes", Canonical.MAPPER.valueToTree(d.notesOf(assessorId)));
        payload.set("links", Canonical.MAPPER.valueToTree(locked ? d.linksOf(assessorId) : List.of()));
        payload.set("levels", Canonical.MAPPER.valueToTree(locked ? d.levelsOf(assessorId) : List.of()));
        payload.set("locks", Canonical.MAPPER.valueToTree(d.locks().stream().filter(l -> l.assessorId().equals(assessorId)).toList()));
        payload.set("evidence", Canonical.MAPPER.valueToTree(locked
                ? d.evidence().stream().filter(e -> e.assessorId().equals(assessorId)).toList() : List.of()));
        byte[] signed = Canonical.bytes(payload);
        ObjectNode file = Canonical.MAPPER.createObjectNode();
        file.put("format", FORMAT);
        file.set("payload", payload);
        file.put("publicKey", key.publicKey());
        file.put("signature", Base64.getEncoder().encodeToString(key.sign(signed)));
        try {
            return Canonical.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Puts this assessor's records on the server and imports every other assessor's file found there, by the same
     * rules as a file: a refused file is reported and the others are still added.
     */
    public ServerExchange throughServer(RecordsMailbox mailbox, String assessmentId, String assessorId) {
        if (cache.assessments().header(assessmentId).isPresent()) {
            // A workstation that does not have the assessment yet only fetches.
            mailbox.put(assessmentId, assessorId, export(assessmentId, assessorId));
        }
        List<Imported> imported = new ArrayList<>();
        List<ExchangeException> refused = new ArrayList<>();
        for (byte[] file : mailbox.files(assessmentId)) {
            try {
                JsonNode payload = Canonical.MAPPER.readTree(file).path("payload");
                if (assessorId.equals(payload.path("assessor").path("id").asText())) {
                    continue;
                }
                imported.add(importFile(file));
            } catch (ExchangeException e) {
                refused.add(e);
            } catch (IOException e) {
                refused.add(new ExchangeException(Problem.NOT_AN_EXCHANGE_FILE, ""));
            }
        }
        return new ServerExchange(imported, refused);
    }

    public Imported importFile(byte[] bytes) {
        JsonNode file;
        try {
            file = Canonical.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new ExchangeException(Problem.NOT_AN_EXCHANGE_FILE, String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (file == null || !FORMAT.equals(file.path("format").asText()) || !file.path("payload").isObject()
                || !file.path("publicKey").isTextual() || !file.path("signature").isTextual()) {
            throw new ExchangeException(Problem.NOT_AN_EXCHANGE_FILE, "");
        }
        JsonNode payload = file.get("payload");
        String publicKey = file.get("publicKey").asText();
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(file.get("signature").asText());
        } catch (IllegalArgumentException e) {
            throw new ExchangeException(Problem.TAMPERED, "signature");
        }
        if (!SigningKey.verify(publicKey, Canonical.bytes(payload), signature)) {
            throw new ExchangeException(Problem.TAMPERED, "");
        }
        try {
            return add(payload, publicKey);
        } catch (IllegalArgumentException e) {
            throw new ExchangeException(Problem.NOT_AN_EXCHANGE_FILE, String.valueOf(e.getMessage()));
        }
    }

    private Imported add(JsonNode payload, String publicKey) {
        Assessment header = read(payload.get("assessment"), new TypeReference<>() { });
        Assessor who = read(payload.get("assessor"), new TypeReference<>() { });
        List<Note> notes = read(payload.get("notes"), new TypeReference<>() { });
        List<NoteLink> links = read(payload.get("links"), new TypeReference<>() { });
        List<CriterionLevel> levels = read(payload.get("levels"), new TypeReference<>() { });
        List<LevelLock> locks = read(payload.get("locks"), new TypeReference<>() { });
        List<CourseEvidence> evidence = read(payload.get("evidence"), new TypeReference<>() { });
        String id = header.id();
        boolean mixed = notes.stream().anyMatch(n -> !n.assessorId().equals(who.id()) || !n.assessmentId().equals(id))
                || links.stream().anyMatch(l -> !l.assessorId().equals(who.id()) || !l.assessmentId().equals(id))
                || levels.stream().anyMatch(l -> !l.assessorId().equals(who.id()) || !l.assessmentId().equals(id))
                || locks.stream().anyMatch(l -> !l.assessorId().equals(who.id()) || !l.assessmentId().equals(id))
                || evidence.stream().anyMatch(e -> !e.assessorId().equals(who.id()) || !e.assessmentId().equals(id));
        if (mixed) {
            throw new ExchangeException(Problem.MIXED_ASSESSORS, who.id());
        }
        Optional<String> knownKey = cache.assessments().assessorKey(who.id());
        if (knownKey.isPresent() && !knownKey.get().equals(publicKey)) {
            throw new ExchangeException(Problem.OTHER_KEY, who.name() + " (" + SigningKey.fingerprint(publicKey) + ")");
        }
        if (cache.frameworks().find(header.frameworkCode()).isEmpty()) {
            throw new ExchangeException(Problem.UNKNOWN_FRAMEWORK, header.frameworkCode());
        }
        Optional<Dossier> local = cache.assessments().dossier(id);
        if (local.isPresent() && local.get().assessment().locked()) {
            throw new ExchangeException(Problem.LOCKED, id);
        }
        if (local.isPresent() && !local.get().assessment().frameworkCode().equals(header.frameworkCode())) {
            throw new ExchangeException(Problem.CONFLICT, "framework " + header.frameworkCode());
        }
        int[] skipped = {0};
        List<Note> newNotes = fresh(notes, local.map(Dossier::notes).orElse(List.of()), Note::id, skipped);
        List<NoteLink> newLinks = fresh(links, local.map(Dossier::links).orElse(List.of()),
                l -> l.assessorId() + "/" + l.noteId() + "/" + l.criterionCode(), skipped);
        List<CriterionLevel> newLevels = fresh(levels, local.map(Dossier::levels).orElse(List.of()),
                l -> l.assessorId() + "/" + l.criterionCode(), skipped);
        List<LevelLock> newLocks = fresh(locks, local.map(Dossier::locks).orElse(List.of()), LevelLock::assessorId, skipped);
        List<CourseEvidence> newEvidence = fresh(evidence, local.map(Dossier::evidence).orElse(List.of()), CourseEvidence::id, skipped);
        List<Assessor> newAssessors = new ArrayList<>();
        if (local.isPresent()) {
            for (Assessor a : header.assessors()) {
                if (local.get().assessment().assessor(a.id()).isEmpty()) {
                    newAssessors.add(a);
                }
            }
        }
        cache.assessments().add(new AssessmentRepository.Additions(id, local.isPresent() ? null : header, newAssessors,
                newNotes, newLinks, newLevels, newLocks, newEvidence));
        if (local.isPresent()) {
            // The observation's moments: filled in where this workstation has none, never changed.
            if (local.get().assessment().observationStartedAt() == null && header.observationStartedAt() != null) {
                cache.assessments().startObservation(id, header.observationStartedAt());
            }
            if (local.get().assessment().observationEndedAt() == null && header.observationEndedAt() != null) {
                cache.assessments().endObservation(id, header.observationEndedAt());
            }
        }
        if (knownKey.isEmpty()) {
            cache.assessments().trustAssessorKey(who.id(), publicKey, clock.instant());
        }
        int added = newNotes.size() + newLinks.size() + newLevels.size() + newLocks.size() + newEvidence.size();
        return new Imported(id, who.id(), SigningKey.fingerprint(publicKey), knownKey.isEmpty(), local.isEmpty(), added, skipped[0]);
    }

    /** The records not there yet; one that is there with other content refuses the file. */
    private static <T> List<T> fresh(List<T> incoming, List<T> present, Function<T, String> key, int[] skipped) {
        List<T> out = new ArrayList<>();
        for (T record : incoming) {
            Optional<T> there = present.stream().filter(p -> key.apply(p).equals(key.apply(record))).findFirst();
            if (there.isEmpty()) {
                out.add(record);
            } else if (Objects.equals(there.get(), record)) {
                skipped[0]++;
            } else {
                throw new ExchangeException(Problem.CONFLICT, key.apply(record));
            }
        }
        return out;
    }

    private static <T> T read(JsonNode node, TypeReference<T> type) {
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("a part of the file is missing");
        }
        try {
            return Canonical.MAPPER.treeToValue(node, Canonical.MAPPER.getTypeFactory().constructType(type));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
