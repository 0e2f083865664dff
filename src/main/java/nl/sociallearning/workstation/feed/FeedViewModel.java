package nl.sociallearning.workstation.feed;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import nl.sociallearning.workstation.domain.ActionType;
import nl.sociallearning.workstation.domain.Draft;
import nl.sociallearning.workstation.domain.ModerationAction;
import nl.sociallearning.workstation.domain.OutboxEntry;
import nl.sociallearning.workstation.domain.OutboxState;
import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.Post;
import nl.sociallearning.workstation.domain.TriageRules;
import nl.sociallearning.workstation.domain.TriageState;
import nl.sociallearning.workstation.domain.Identities;
import nl.sociallearning.workstation.feed.html.PostHtml;
import nl.sociallearning.workstation.store.Cache;
import nl.sociallearning.workstation.store.FeedRow;
import nl.sociallearning.workstation.sync.CacheChange;
import nl.sociallearning.workstation.sync.SyncEngine;
import nl.sociallearning.workstation.sync.SyncListener;
import nl.sociallearning.workstation.ui.Refresher;
import nl.sociallearning.workstation.ui.TaskRunner;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The feed's state: the threads of the chosen course (or all), assessed by the triage rules, narrowed to a
 * queue and a search and ordered; the queues' live counts; the moderator indicators; the selected thread's
 * details; and the moderator's actions on it. Data is read from the cache in the background; properties change
 * on the UI thread only. Actions go through the sync engine (cache first, then the outbox) and can be undone
 * until they are sent.
 */
public final class FeedViewModel implements SyncListener {

    /** A queue with its live count. */
    public record QueueCount(FeedQueue queue, int count) { }

    /** Something just done, for a toast; {@code undo} is null when it cannot be taken back. */
    public record Done(String messageKey, int count, Runnable undo) { }

    private final Cache cache;
    private final TaskRunner runner;
    private final SyncEngine engine;
    private final TriageRules rules;
    private final Clock clock;

    private final ObjectProperty<String> courseScope = new SimpleObjectProperty<>();
    private final ObjectProperty<FeedQueue> queue = new SimpleObjectProperty<>(FeedQueue.NEEDS_REPLY);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<FeedSnapshot.Sort> sort = new SimpleObjectProperty<>(FeedSnapshot.Sort.LAST_ACTIVITY);
    private final ObservableList<FeedItem> items = FXCollections.observableArrayList();
    private final ObservableList<QueueCount> queues = FXCollections.observableArrayList();
    private final ObjectProperty<ModeratorIndicators> indicators = new SimpleObjectProperty<>();
    private final ObjectProperty<FeedItem> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<ThreadDetails> details = new SimpleObjectProperty<>();
    private final ObservableSet<String> marked = FXCollections.observableSet();
    private final IntegerProperty newAbove = new SimpleIntegerProperty();
    private final BooleanProperty atTop = new SimpleBooleanProperty(true);
    private final BooleanProperty loading = new SimpleBooleanProperty(true);
    private final StringProperty problem = new SimpleStringProperty();
    private final ObjectProperty<Done> lastDone = new SimpleObjectProperty<>();
    private final ObjectProperty<FeedItem> newlyFlagged = new SimpleObjectProperty<>();

    private final SearchIndex index;
    private final Refresher<FeedSnapshot> snapshotRefresher;
    private final Refresher<ViewUpdate> viewRefresher;
    private final Refresher<ThreadDetails> detailRefresher;
    private final Refresher<Boolean> draftSaver;
    private final Refresher<Boolean> indexer;
    private final Refresher<Map<String, Integer>> savedCounter;
    private Map<String, Integer> savedCountsShown = Map.of();
    private volatile FeedSnapshot snapshot = FeedSnapshot.empty();
    private volatile boolean disposed;
    private Draft draftToSave;
    private volatile Identities me = Identities.NONE;

    public FeedViewModel(Cache cache, TaskRunner runner, SyncEngine engine, TriageRules rules, Clock clock,
                         SearchIndex index) {
        this.cache = cache;
        this.index = index;
        this.runner = runner;
        this.engine = engine;
        this.rules = rules;
        this.clock = clock;
        this.snapshotRefresher = new Refresher<>(runner, this::loadSnapshot, this::showSnapshot, this::showProblem);
        this.viewRefresher = new Refresher<>(runner, this::computeView, this::showView, this::showProblem);
        this.detailRefresher = new Refresher<>(runner, this::loadDetails, this::showDetails, this::showProblem);
        this.draftSaver = new Refresher<>(runner, this::saveDraft, saved -> { }, this::showProblem);
        this.savedCounter = new Refresher<>(runner, this::savedCounts, this::showSavedCounts, this::showProblem);
        this.indexer = new Refresher<>(runner, this::updateIndex, changed -> {
            if (changed && (!search.get().isBlank() || queue.get().kind() == FeedQueue.Kind.SEARCH)) {
                viewRefresher.request();
            }
            if (changed) {
                savedCounter.request();
            }
        }, this::showProblem);

        courseScope.addListener((obs, old, now) -> {
            if (!Objects.equals(old, now)) {
                marked.clear();
                snapshotRefresher.request();
            }
        });
        queue.addListener((obs, old, now) -> viewRefresher.request());
        sort.addListener((obs, old, now) -> viewRefresher.request());
        search.addListener((obs, old, now) -> viewRefresher.request());
        selected.addListener((obs, old, now) -> {
            if (now == null) {
                details.set(null);
            } else if (old == null || !old.key().equals(now.key())) {
                details.set(null);
                detailRefresher.request();
            }
        });
    }

    /** Starts following the engine and loads what the cache holds. */
    public void load() {
        engine.addListener(this);
        snapshotRefresher.request();
    }

    /** Stops following the engine; work still queued for this feed is skipped. */
    public void dispose() {
        disposed = true;
        engine.removeListener(this);
    }

    // --- loading (background) ------------------------------------------------------------------------------

    private FeedSnapshot loadSnapshot() {
        if (disposed) {
            return snapshot;
        }
        // Read each time: an added server's user becomes known when its courses are first listed.
        me = cache.syncStates().identities();
        String scope = courseScope.get();
        if (scope != null) {
            moderatorsOf(scope);
        }
        List<FeedRow> rows = cache.feed().rows(scope);
        FeedSnapshot next = FeedSnapshot.of(rows, rules, clock.instant(), me);
        snapshot = next;
        return next;
    }

    /** Brings the shared search index up to the snapshot shown; runs after it is shown, so the feed never waits. */
    private Boolean updateIndex() {
        if (disposed) {
            return false;
        }
        boolean changed = index.update(snapshot, cache);
        index.markReady();
        return changed;
    }

    /** Searches the index once it is built; until then the cache itself (slower, but never wrong). */
    /** A new list, worked out off the UI thread: its keys, where each key is, and how many threads are new. */
    private record ViewUpdate(List<FeedItem> items, Map<String, Integer> indexOf, int added) { }

    private volatile Map<String, Integer> shownIndex = Map.of();

    private ViewUpdate computeView() {
        List<FeedItem> next = filteredView();
        Map<String, Integer> indexOf = new HashMap<>(next.size() * 2);
        Map<String, Integer> before = shownIndex;
        int added = 0;
        for (int i = 0; i < next.size(); i++) {
            String key = next.get(i).key();
            indexOf.put(key, i);
            if (!before.containsKey(key)) {
                added++;
            }
        }
        return new ViewUpdate(next, indexOf, before.isEmpty() ? 0 : added);
    }

    private List<FeedItem> filteredView() {
        Set<String> hits = hits(search.get(), null);
        FeedQueue q = queue.get();
        if (q.kind() == FeedQueue.Kind.SEARCH) {
            hits = hits(q.value(), hits);
        } else if (q.kind() == FeedQueue.Kind.SELECTION) {
            Set<String> picked = new HashSet<>(selectionThreads);
            if (hits != null) {
                picked.retainAll(hits);
            }
            hits = picked;
        }
        return snapshot.view(q, hits, sort.get());
    }

    /** Threads of the snapshot matching a query, within earlier hits if any; null when there is no query. */
    private Set<String> hits(String text, Set<String> within) {
        if (text == null || text.isBlank()) {
            return within;
        }
        Set<String> shown = within;
        if (shown == null) {
            shown = new HashSet<>();
            for (FeedItem i : snapshot.items()) {
                shown.add(i.key());
            }
        }
        if (index.ready()) {
            return index.search(text, shown);
        }
        Set<String> found = cache.feed().search(courseScope.get(), text.trim());
        found.retainAll(shown);
        return found;
    }

    private volatile Set<String> selectionThreads = Set.of();

    /**
     * Shows the threads of some posts picked elsewhere (a cell or a range of the activity heatmap) as a queue of
     * their own. The post ids are looked up in the background.
     */
    public void showPosts(String courseId, java.util.function.Supplier<List<String>> postIds, String label) {
        runner.run(() -> cache.posts().threadKeysOf(courseId, postIds.get()), keys -> {
            selectionThreads = keys;
            courseScope.set(courseId);
            queues.removeIf(q -> q.queue().kind() == FeedQueue.Kind.SELECTION);
            queues.add(0, new QueueCount(FeedQueue.selection(label), keys.size()));
            queue.set(FeedQueue.selection(label));
            viewRefresher.request();
        }, this::showProblem);
    }

    /** Saves the current search as a queue with a live count (shown after the built-in queues). */
    public void saveSearch() {
        String text = search.get() == null ? "" : search.get().trim();
        if (!text.isEmpty() && !savedSearches.contains(text)) {
            savedSearches.add(text);
            search.set("");
            queue.set(FeedQueue.search(text));
            snapshotRefresher.request();
        }
    }

    public void removeSavedSearch(String text) {
        if (savedSearches.remove(text)) {
            if (queue.get().equals(FeedQueue.search(text))) {
                queue.set(FeedQueue.NEEDS_REPLY);
            }
            snapshotRefresher.request();
        }
    }

    /** The saved searches, for keeping them between starts. */
    public ObservableList<String> savedSearches() { return savedSearches; }

    private final ObservableList<String> savedSearches = FXCollections.observableArrayList();

    /** Counts of the saved searches, over the snapshot shown: worked out with the index, in the background. */
    private Map<String, Integer> savedCounts() {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (String text : List.copyOf(savedSearches)) {
            Set<String> found = hits(text, null);
            counts.put(text, found == null ? 0 : found.size());
        }
        return counts;
    }

    private void showSnapshot(FeedSnapshot s) {
        List<QueueCount> counts = new ArrayList<>();
        s.counts().forEach((q, n) -> counts.add(new QueueCount(q, n)));
        savedCountsShown.forEach((text, n) -> counts.add(new QueueCount(FeedQueue.search(text), n)));
        if (queue.get().kind() == FeedQueue.Kind.SELECTION) {
            counts.add(0, new QueueCount(queue.get(), selectionThreads.size()));
        }
        queues.setAll(counts);
        savedCounter.request();
        indicators.set(s.indicators());
        noticeNewFlags(s);
        loading.set(false);
        viewRefresher.request();
        indexer.request();
        if (selected.get() != null) {
            detailRefresher.request();
        }
    }

    private final Map<String, Integer> flagsSeen = new HashMap<>();
    private final Instant startedAt = Instant.now();

    /**
     * A thread flagged anew while the workstation runs is worth one quiet notification: not the flags the first
     * sync brings in, and not a storm (the newest flagged thread of a refresh only).
     */
    private void noticeNewFlags(FeedSnapshot s) {
        FeedItem newest = null;
        for (FeedItem item : s.items()) {
            int flags = item.row().flags();
            Integer before = flagsSeen.put(item.key(), flags);
            boolean more = flags > (before == null ? 0 : before);
            if (more && item.row().lastActivity().isAfter(startedAt)
                    && (newest == null || item.row().lastActivity().isAfter(newest.row().lastActivity()))) {
                newest = item;
            }
        }
        if (newest != null) {
            newlyFlagged.set(newest);
        }
    }

    /**
     * Shows a new list. Threads that arrive above the first one the user sees are counted in {@link #newAbove}
     * (the view keeps its scroll position and shows the count); the selection stays on its thread. The sets and
     * lookups were made in the background: here the list is only swapped.
     */
    private void showView(ViewUpdate update) {
        String selectedKey = selected.get() == null ? null : selected.get().key();
        boolean first = shownIndex.isEmpty() && items.isEmpty();
        shownIndex = update.indexOf();
        items.setAll(update.items());
        // At the top of the list the new threads are simply there; further down they are counted instead.
        newAbove.set(first || atTop.get() ? 0 : newAbove.get() + update.added());
        if (selectedKey != null) {
            Integer at = update.indexOf().get(selectedKey);
            if (at != null) {
                selected.set(update.items().get(at));
            }
        }
        marked.retainAll(update.indexOf().keySet());
    }

    /** Where a thread is in the list shown, or -1. */
    public int indexOf(String key) {
        Integer at = shownIndex.get(key);
        return at == null ? -1 : at;
    }

    private ThreadDetails loadDetails() {
        FeedItem item = selected.get();
        if (item == null) {
            return null;
        }
        String course = item.courseId();
        String threadId = item.threadId();
        List<Post> posts = cache.posts().inThread(course, threadId);
        Set<String> pendingTargets = new HashSet<>();
        List<OutboxEntry> log = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        targets.add(threadId);
        Set<String> authorIds = new HashSet<>();
        for (Post p : posts) {
            targets.add(p.id());
            if (p.authorId() != null) {
                authorIds.add(p.authorId());
            }
        }
        for (OutboxEntry e : cache.outbox().logFor(course, targets)) {
            log.add(e);
            if (e.state() == OutboxState.PENDING || e.state() == OutboxState.SENDING) {
                pendingTargets.add(e.action().targetId());
            }
        }
        // One query for everyone who wrote in the thread, not one per author.
        Map<String, Participant> authors = cache.participants().byIds(course, authorIds);
        List<PostNode> nodes = new ArrayList<>(posts.size());
        int unreadLeft = item.row().unread();
        List<ReplyTree.Entry> ordered = ReplyTree.order(posts);
        // The newest posts are the unread ones.
        List<Post> byTime = new ArrayList<>(posts);
        byTime.sort(java.util.Comparator.comparing(Post::createdAt).reversed());
        Set<String> unread = new HashSet<>();
        for (int i = 0; i < Math.min(unreadLeft, byTime.size()); i++) {
            unread.add(byTime.get(i).id());
        }
        for (ReplyTree.Entry e : ordered) {
            Post p = e.post();
            Participant author = p.authorId() == null ? null : authors.get(p.authorId());
            nodes.add(new PostNode(p, e.depth(), author, unread.contains(p.id()),
                    p.id().startsWith("local-") || pendingTargets.contains(p.id()), PostHtml.parse(p.bodyHtml())));
        }
        String opener = item.row().thread().authorId();
        Participant openerAuthor = opener == null ? null : authors.containsKey(opener) ? authors.get(opener)
                : cache.participants().find(course, opener).orElse(null);
        ThreadDetails d = new ThreadDetails(item, nodes, openerAuthor,
                opener == null ? 0 : cache.feed().postCount(course, opener),
                opener == null ? List.of() : cache.feed().history(course, opener, 8),
                cache.feed().notes(course, threadId), log, cache.drafts().inThread(course, threadId));
        if (item.row().unread() > 0 && !byTime.isEmpty()) {
            cache.feed().markRead(course, threadId, byTime.get(0).createdAt());
        }
        return d;
    }

    /** Puts the saved searches' counts in the queue list, after the built-in queues. */
    private void showSavedCounts(Map<String, Integer> counts) {
        savedCountsShown = counts;
        List<QueueCount> all = new ArrayList<>();
        for (QueueCount q : queues) {
            if (q.queue().kind() != FeedQueue.Kind.SEARCH) {
                all.add(q);
            }
        }
        // (a heatmap selection stays first; saved searches follow the built-in queues)
        counts.forEach((text, n) -> all.add(new QueueCount(FeedQueue.search(text), n)));
        if (!all.equals(queues)) {
            queues.setAll(all);
        }
    }

    /** Shows a thread's details; opening it read it, so its unread count drops to nothing in the list. */
    private void showDetails(ThreadDetails d) {
        details.set(d);
        if (d == null || d.item().row().unread() == 0) {
            return;
        }
        FeedItem read = new FeedItem(d.item().row().withUnread(0), d.item().triage());
        int at = indexOf(read.key());
        if (at >= 0) {
            items.set(at, read);
        }
        if (selected.get() != null && selected.get().key().equals(read.key())) {
            selected.set(read);
        }
    }

    // --- what the sync engine says (its threads) ------------------------------------------------------------

    @Override
    public void cacheChanged(CacheChange change) {
        runner.onUi(() -> {
            String scope = courseScope.get();
            if (scope == null || scope.equals(change.courseId())) {
                snapshotRefresher.request();
            }
        });
    }

    /** A server was removed: a feed scoped to one of its courses shows all courses (the heatmap follows the scope). */
    @Override
    public void coursesRemoved(Set<String> courseIds) {
        runner.onUi(() -> {
            if (courseScope.get() != null && courseIds.contains(courseScope.get())) {
                courseScope.set(null);
            }
        });
    }

    // --- navigation -------------------------------------------------------------------------------------------

    /** Moves the selection down (+1) or up (-1) the list; from nothing, to the first thread. */
    public void move(int step) {
        if (items.isEmpty()) {
            return;
        }
        int at = selected.get() == null ? -1 : indexOf(selected.get().key());
        int next = at < 0 ? 0 : Math.max(0, Math.min(items.size() - 1, at + step));
        selected.set(items.get(next));
    }

    /** Marks or unmarks the selected thread for a bulk action. */
    public void toggleMark() {
        FeedItem item = selected.get();
        if (item != null && !marked.remove(item.key())) {
            marked.add(item.key());
        }
    }

    /** The user saw the new threads (scrolled to the top or clicked the counter). */
    public void acknowledgeNew() {
        newAbove.set(0);
    }

    // --- actions ------------------------------------------------------------------------------------------------

    /** The threads an action applies to: the marked ones, or else the selected one. */
    public List<FeedItem> targets() {
        if (!marked.isEmpty()) {
            return items.stream().filter(i -> marked.contains(i.key())).toList();
        }
        return selected.get() == null ? List.of() : List.of(selected.get());
    }

    public void markDone() {
        triage(TriageState.DONE, null, null, "action.done");
    }

    public void snooze(Duration duration) {
        triage(TriageState.SNOOZED, null, clock.instant().plus(duration), "action.snoozed");
    }

    public void setState(TriageState state) {
        triage(state, null, null, "action.state." + state.name());
    }

    /** The moderators of the course shown (none when all courses are shown: ids differ per course). */
    public List<Participant> moderators() {
        String course = courseScope.get();
        // Read in the background with the snapshot; here only looked up.
        return course == null ? List.of() : moderatorsByCourse.getOrDefault(course, List.of());
    }

    private final Map<String, List<Participant>> moderatorsByCourse = new java.util.concurrent.ConcurrentHashMap<>();

    private List<Participant> moderatorsOf(String course) {
        return moderatorsByCourse.computeIfAbsent(course, c -> cache.participants().moderators(c));
    }

    /** Assigns the targets to a moderator (the user's own id when {@code moderatorId} is null). */
    public void assign(String moderatorId) {
        List<Submit> submits = new ArrayList<>();
        for (FeedItem item : targets()) {
            // The user's own id differs per server: each thread is assigned to the user on its course's server.
            String who = moderatorId != null ? moderatorId : me.idIn(item.courseId());
            if (who == null) {
                continue;
            }
            TriageState state = item.triage().state() == TriageState.NEW || item.triage().state() == TriageState.NEEDS_REPLY
                    ? TriageState.IN_PROGRESS : item.triage().state();
            Map<String, String> payload = new HashMap<>();
            payload.put("state", state.name());
            payload.put("assignee", who);
            submits.add(new Submit(item.courseId(), ActionType.SET_TRIAGE, item.threadId(), null, payload));
        }
        submit(submits, "action.assigned");
    }

    private void triage(TriageState state, String assignee, Instant snoozedUntil, String messageKey) {
        List<Submit> submits = new ArrayList<>();
        for (FeedItem item : targets()) {
            Map<String, String> payload = new HashMap<>();
            payload.put("state", state.name());
            String keep = assignee != null ? assignee : item.row().triage() == null ? null : item.row().triage().assignee();
            if (keep != null) {
                payload.put("assignee", keep);
            }
            if (snoozedUntil != null) {
                payload.put("snoozedUntil", snoozedUntil.toString());
            }
            submits.add(new Submit(item.courseId(), ActionType.SET_TRIAGE, item.threadId(), null, payload));
        }
        submit(submits, messageKey);
    }

    /** Locks or unlocks (whichever the first target is not), pins or unpins: thread actions that toggle. */
    public void toggleLock() {
        boolean lock = !targets().isEmpty() && !targets().get(0).row().thread().locked();
        threadAction(lock ? ActionType.LOCK : ActionType.UNLOCK, lock ? "action.locked" : "action.unlocked");
    }

    public void togglePin() {
        boolean pin = !targets().isEmpty() && !targets().get(0).row().thread().pinned();
        threadAction(pin ? ActionType.PIN : ActionType.UNPIN, pin ? "action.pinned" : "action.unpinned");
    }

    private void threadAction(ActionType type, String messageKey) {
        submit(targets().stream().map(i -> new Submit(i.courseId(), type, i.threadId(), i.row().thread().version(), Map.of()))
                .toList(), messageKey);
    }

    /**
     * Hides or shows a post again (the opener of each target thread when no post is given), deletes or restores
     * it, flags it, approves or rejects it.
     */
    public void postAction(ActionType type, Post post) {
        if (post != null) {
            submit(List.of(new Submit(post.courseId(), type, post.id(), post.version(), Map.of())), "action." + type.wireName());
            return;
        }
        List<FeedItem> threads = targets();
        ThreadDetails shown = details.get();
        // Finding the openers may read the cache: in the background, with the sending.
        submit(() -> threads.stream().map(item -> new Submit(item.courseId(), type, openerId(item, shown), null, Map.<String, String>of()))
                .toList(), "action." + type.wireName());
    }

    private String openerId(FeedItem item, ThreadDetails d) {
        if (d != null && d.item().key().equals(item.key())) {
            return d.posts().stream().filter(n -> n.post().parentId() == null).findFirst()
                    .map(n -> n.post().id()).orElse(item.threadId());
        }
        return cache.posts().inThread(item.courseId(), item.threadId()).stream().filter(Post::isOpening).findFirst()
                .map(Post::id).orElse(item.threadId());
    }

    /**
     * Sends a reply to a post. Once it is in the outbox its draft is cleared, through the draft saver, so that a
     * save of the last keystrokes still in flight cannot bring the draft back.
     */
    public void reply(Post parent, String bodyHtml) {
        Submit s = new Submit(parent.courseId(), ActionType.REPLY, parent.id(), null, Map.of("bodyHtml", bodyHtml));
        runner.run(() -> s.send(engine), a -> {
            keepDraft(parent, "");
            lastDone.set(new Done("action.replied", 1, () -> undo(List.of(a))));
        }, this::showProblem);
    }

    public void addNote(String text) {
        FeedItem item = selected.get();
        if (item != null && !text.isBlank()) {
            submit(List.of(new Submit(item.courseId(), ActionType.NOTE, item.threadId(), null, Map.of("text", text))),
                    "action.noted");
        }
    }

    /** Keeps what is typed in a reply; saved in the background, the newest text wins. */
    public void keepDraft(Post parent, String text) {
        draftToSave = new Draft(parent.courseId(), parent.threadId(), parent.id(), text, clock.instant());
        draftSaver.request();
    }

    private Boolean saveDraft() {
        Draft d = draftToSave;
        if (d == null) {
            return false;
        }
        if (d.body().isBlank()) {
            cache.drafts().delete(d.courseId(), d.parentPostId());
        } else {
            cache.drafts().save(d);
        }
        return true;
    }

    /** Takes back actions that have not been sent yet; those already sent stay (the toast said so). */
    public void undo(List<ModerationAction> actions) {
        runner.run(() -> {
            int undone = 0;
            for (ModerationAction a : actions) {
                if (cache.outbox().discard(a.id())) {
                    undone++;
                }
            }
            return undone;
        }, undone -> {
            lastDone.set(new Done(undone == actions.size() ? "action.undone" : "action.tooLateToUndo", undone, null));
            snapshotRefresher.request();
        }, this::showProblem);
    }

    /**
     * Resolves a conflict or rejection by doing the action again on the target as the server has it now; the
     * old entry is set aside.
     */
    public void retry(OutboxEntry entry) {
        ModerationAction old = entry.action();
        runner.run(() -> {
            Integer version = old.type().target() == nl.sociallearning.workstation.domain.EntityKind.THREAD
                    ? cache.threads().find(old.courseId(), old.targetId()).map(t -> t.version()).orElse(null)
                    : cache.posts().find(old.courseId(), old.targetId()).map(Post::version).orElse(null);
            cache.outbox().dismiss(old.id());
            return engine.submit(old.courseId(), old.type(), old.targetId(), version, old.payload());
        }, a -> {
            lastDone.set(new Done("action.retried", 1, () -> undo(List.of(a))));
            detailRefresher.request();
        }, this::showProblem);
    }

    /** Sets a conflict or rejection aside: the server's state stands. */
    public void dismiss(OutboxEntry entry) {
        runner.run(() -> cache.outbox().dismiss(entry.action().id()), done -> detailRefresher.request(), this::showProblem);
    }

    private record Submit(String courseId, ActionType type, String targetId, Integer baseVersion, Map<String, String> payload) {
        ModerationAction send(SyncEngine engine) {
            return engine.submit(courseId, type, targetId, baseVersion, payload);
        }
    }

    private void submit(List<Submit> submits, String messageKey) {
        if (!submits.isEmpty()) {
            submit(() -> submits, messageKey);
        }
    }

    private void submit(java.util.function.Supplier<List<Submit>> submits, String messageKey) {
        runner.run(() -> {
            List<ModerationAction> made = new ArrayList<>();
            for (Submit s : submits.get()) {
                made.add(s.send(engine));
            }
            return made;
        }, made -> {
            if (made.isEmpty()) {
                return;
            }
            lastDone.set(new Done(messageKey, made.size(), () -> undo(made)));
            marked.clear();
        }, this::showProblem);
    }

    private void showProblem(Throwable failure) {
        problem.set(failure.getMessage());
    }

    // --- properties ----------------------------------------------------------------------------------------------

    public ObjectProperty<String> courseScopeProperty() { return courseScope; }

    public ObjectProperty<FeedQueue> queueProperty() { return queue; }

    public StringProperty searchProperty() { return search; }

    public ObjectProperty<FeedSnapshot.Sort> sortProperty() { return sort; }

    public ObservableList<FeedItem> items() { return items; }

    public ObservableList<QueueCount> queues() { return queues; }

    public ObjectProperty<ModeratorIndicators> indicatorsProperty() { return indicators; }

    public ObjectProperty<FeedItem> selectedProperty() { return selected; }

    public ObjectProperty<ThreadDetails> detailsProperty() { return details; }

    public ObservableSet<String> marked() { return marked; }

    public IntegerProperty newAboveProperty() { return newAbove; }

    /** Whether the user sees the top of the list (the view says so as it scrolls). */
    public BooleanProperty atTopProperty() { return atTop; }

    public BooleanProperty loadingProperty() { return loading; }

    public StringProperty problemProperty() { return problem; }

    public ObjectProperty<Done> lastDoneProperty() { return lastDone; }

    public ObjectProperty<FeedItem> newlyFlaggedProperty() { return newlyFlagged; }

    public TriageRules rules() { return rules; }

    public Clock clock() { return clock; }

    /** Whether search runs on the in-memory index yet (until then it asks the cache). */
    public boolean searchIndexReady() { return index.ready(); }

    /** The user's own id on the server of a course, once known (null until then). */
    public String me(String courseId) { return me.idIn(courseId); }

    /** Lets the view react to a finished action without holding on to the list of actions. */
    public void onDone(Consumer<Done> listener) {
        lastDone.addListener((obs, old, now) -> {
            if (now != null) {
                listener.accept(now);
            }
        });
    }

}
