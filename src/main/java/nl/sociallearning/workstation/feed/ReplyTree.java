package nl.sociallearning.workstation.feed;

import nl.sociallearning.workstation.domain.Post;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Orders a thread's posts as a conversation: each post followed by its replies, oldest first, depth-first. */
final class ReplyTree {

    record Entry(Post post, int depth) { }

    private ReplyTree() {
    }

    static List<Entry> order(List<Post> posts) {
        Map<String, List<Post>> children = new HashMap<>();
        List<Post> roots = new ArrayList<>();
        Map<String, Post> byId = new HashMap<>();
        posts.forEach(p -> byId.put(p.id(), p));
        for (Post p : posts) {
            // A reply whose parent is missing (removed, or not synced yet) is shown at the top level.
            if (p.parentId() == null || !byId.containsKey(p.parentId())) {
                roots.add(p);
            } else {
                children.computeIfAbsent(p.parentId(), k -> new ArrayList<>()).add(p);
            }
        }
        Comparator<Post> byTime = Comparator.comparing(Post::createdAt).thenComparing(Post::id);
        roots.sort(Comparator.comparing((Post p) -> p.parentId() != null).thenComparing(byTime));
        children.values().forEach(list -> list.sort(byTime));
        List<Entry> out = new ArrayList<>(posts.size());
        // Iterative depth-first walk: a thread of thousands of nested replies must not overflow the stack.
        java.util.ArrayDeque<Entry> stack = new java.util.ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(new Entry(roots.get(i), 0));
        }
        while (!stack.isEmpty()) {
            Entry e = stack.pop();
            out.add(e);
            List<Post> kids = children.getOrDefault(e.post().id(), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(new Entry(kids.get(i), e.depth() + 1));
            }
        }
        return out;
    }
}
