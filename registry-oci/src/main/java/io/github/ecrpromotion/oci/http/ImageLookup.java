package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.buildtag.BuildTagFormat;
import io.github.ecrpromotion.core.ref.Digest;
import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.ref.Tag;
import io.github.ecrpromotion.core.registry.BuildTagDigests;
import io.github.ecrpromotion.core.registry.RegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds which tag names an image over the distribution API, which has no "tags of this image" call: only a HEAD per
 * tag tells. Two things keep that from costing a request per tag of the repository on every run:
 *
 * <ul>
 *   <li>Build tags never move (a rule of this product), so the digest each one named is remembered, in this object
 *       and in a {@link BuildTagDigests} store between runs, filled from every answer this backend gets about a build
 *       tag. A walk over the tags, newest build first, skips the tags whose remembered digest is not wanted; a
 *       remembered hit is confirmed with one HEAD before it is returned (a tag whose HEAD now says otherwise is
 *       forgotten and the walk goes on); and "no tag names this image" is never concluded from remembered answers:
 *       each skipped tag is then asked again. A stale or lying memory costs requests, never a wrong answer.</li>
 *   <li>Tags nobody remembers are asked in growing batches (1, 2, 4, then {@value #PARALLEL} at a time) sent
 *       concurrently, each HEAD with the transport's retry policy and the operation's deadline; the walk stops at
 *       the batch that finds the last wanted image, so "the first tag in order" keeps its meaning.</li>
 * </ul>
 */
final class ImageLookup implements AutoCloseable {
    /** HEADs in flight at once: enough to hide round trips, few enough not to look like an attack to a registry. */
    static final int PARALLEL = 8;

    /** One HEAD (with its confirming GET when the HEAD finds nothing), as {@link Manifests#head}. */
    interface Resolver {
        Optional<Digest> resolve(Tag tag) throws RegistryException;
    }

    private final Repository repository;
    private final BuildTagDigests store;
    private final Map<Tag, Digest> remembered = new ConcurrentHashMap<>();
    /** What the registry said about build tags to this object (empty: absent): the registry's answers, not memory. */
    private final Map<Tag, Optional<Digest>> seen = new ConcurrentHashMap<>();
    private final Map<Tag, Digest> learned = new ConcurrentHashMap<>();
    private final Set<Tag> forgotten = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;
    /** Whether a request of this object has been answered: auth (401, token) is settled then, once for all. */
    private volatile boolean primed;
    private ExecutorService pool;

    ImageLookup(Repository repository, BuildTagDigests store) {
        this.repository = repository;
        this.store = store;
    }

    /** Whether answers about this tag are remembered: build tags only, which never move; environment tags do. */
    static boolean remembers(Tag tag) {
        return BuildTagFormat.tryParse(tag.value()).isPresent();
    }

    /** Records what the registry just said about a tag: remembered when it is a build tag, forgotten when gone. */
    void observed(Tag tag, Optional<Digest> now) {
        primed = true;
        if (!remembers(tag)) {
            return;
        }
        seen.put(tag, now);
        if (now.isPresent()) {
            if (!now.get().equals(remembered.put(tag, now.get()))) {
                learned.put(tag, now.get());
                forgotten.remove(tag);
            }
        } else if (remembered.remove(tag) != null || loaded) {
            learned.remove(tag);
            forgotten.add(tag);
        }
    }

    private void load() {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    store.load(repository).forEach((t, d) -> {
                        if (remembers(t)) {
                            remembered.putIfAbsent(t, d);
                        }
                    });
                    loaded = true;
                }
            }
        }
    }

    /** Writes what was learned since the last save to the store; never throws. */
    void save() {
        if (learned.isEmpty() && forgotten.isEmpty()) {
            return;
        }
        Map<Tag, Digest> l = new HashMap<>(learned);
        Set<Tag> f = new HashSet<>(forgotten);
        l.keySet().forEach(learned::remove);
        f.forEach(forgotten::remove);
        store.update(repository, l, f);
    }

    /**
     * For each wanted digest, the first tag among {@code candidates} (in their order) that names it, confirmed by the
     * registry to this object. {@code fresh} holds answers the caller got during this call (a tag absent: empty).
     * Build tags this object already asked count as asked (a build tag never moves, and a run's registry object
     * lives for one operation); only answers loaded from the store are memory, to be confirmed.
     */
    Map<Digest, Tag> firstTags(List<Tag> candidates, Set<Digest> wanted, Map<Tag, Optional<Digest>> fresh,
                               Resolver resolver) throws RegistryException {
        load();
        Map<Tag, Optional<Digest>> now = new HashMap<>(seen);
        now.putAll(fresh);
        while (true) {
            Map<Digest, Tag> found = new LinkedHashMap<>();
            Set<Digest> remaining = new LinkedHashSet<>(wanted);
            List<Tag> skippedByMemory = new ArrayList<>();
            int batch = 1;
            int i = 0;
            while (!remaining.isEmpty() && i < candidates.size()) {
                Tag c = candidates.get(i);
                Optional<Digest> answer = now.get(c);
                boolean fromMemory = false;
                if (answer == null && remembered.containsKey(c)) {
                    answer = Optional.of(remembered.get(c));
                    fromMemory = true;
                }
                if (answer == null) {
                    // Nobody knows this tag: ask it and the next unknown ones together, up to the next remembered hit.
                    List<Tag> ask = new ArrayList<>();
                    for (int j = i; j < candidates.size() && ask.size() < batch; j++) {
                        Tag n = candidates.get(j);
                        if (now.containsKey(n)) {
                            continue;
                        }
                        Digest r = remembered.get(n);
                        if (r != null) {
                            if (remaining.contains(r)) {
                                break;
                            }
                            continue;
                        }
                        ask.add(n);
                    }
                    now.putAll(resolveAll(ask, resolver));
                    batch = Math.min(batch * 2, PARALLEL);
                    continue;
                }
                if (answer.isPresent() && remaining.remove(answer.get())) {
                    found.put(answer.get(), c);
                } else if (fromMemory) {
                    skippedByMemory.add(c);
                }
                i++;
            }
            List<Tag> confirm = found.values().stream().filter(t -> !now.containsKey(t)).toList();
            if (!confirm.isEmpty()) {
                Map<Tag, Optional<Digest>> confirmed = resolveAll(confirm, resolver);
                now.putAll(confirmed);
                if (confirm.stream().anyMatch(t -> !confirmed.get(t).equals(Optional.of(remembered(t, found))))) {
                    // A remembered answer was wrong (observed() forgot it): walk again on what is known now.
                    continue;
                }
            }
            if (!remaining.isEmpty() && !skippedByMemory.isEmpty()) {
                // "No tag names this image" must rest on the registry's answers, not on memory: ask each skipped tag.
                now.putAll(resolveAll(skippedByMemory, resolver));
                continue;
            }
            return found;
        }
    }

    private static Digest remembered(Tag t, Map<Digest, Tag> found) {
        for (Map.Entry<Digest, Tag> e : found.entrySet()) {
            if (e.getValue().equals(t)) {
                return e.getKey();
            }
        }
        throw new IllegalStateException(t.toString());
    }

    /**
     * Asks the registry about each tag, {@value #PARALLEL} at a time; returns every answer, in the tags' order, or
     * throws the failure of the first tag that failed (the others are cancelled).
     */
    Map<Tag, Optional<Digest>> resolveAll(List<Tag> tags, Resolver resolver) throws RegistryException {
        Map<Tag, Optional<Digest>> out = new LinkedHashMap<>();
        if (tags.isEmpty()) {
            return out;
        }
        if (tags.size() == 1 || !primed) {
            // The first request of this object goes alone: several at once would each meet the registry's 401 and
            // fetch a token (or run a credential helper) of their own.
            Tag t = tags.get(0);
            out.put(t, resolver.resolve(t));
            primed = true;
            if (tags.size() == 1) {
                return out;
            }
        }
        List<Tag> rest = tags.subList(out.size(), tags.size());
        List<Future<Optional<Digest>>> futures = new ArrayList<>();
        ExecutorService p = pool();
        for (Tag t : rest) {
            futures.add(p.submit(() -> resolver.resolve(t)));
        }
        try {
            for (int k = 0; k < rest.size(); k++) {
                out.put(rest.get(k), futures.get(k).get());
            }
            return out;
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RegistryException re) {
                throw re;
            }
            if (e.getCause() instanceof RuntimeException rt) {
                throw rt;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new RegistryException(RegistryException.Reason.UNAVAILABLE, "Tried to look up tags in " + repository
                    + " but failed because the run was interrupted", e);
        }
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor p = new ThreadPoolExecutor(PARALLEL, PARALLEL, 2, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "registry-lookup-" + n.incrementAndGet());
                // A forgotten close() never keeps a short-lived process alive.
                t.setDaemon(true);
                return t;
            });
            // Nor leaves idle threads in a long-running one (a Jenkins controller): they end two seconds after use.
            p.allowCoreThreadTimeOut(true);
            pool = p;
        }
        return pool;
    }

    @Override
    public synchronized void close() {
        save();
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }
}
