package com.channelrouter.routing;

import com.channelrouter.customer.Customer;
import com.channelrouter.domain.Codes;
import com.channelrouter.domain.SourceChannel;
import com.channelrouter.security.ApiClient;
import com.channelrouter.support.DatabaseFailures;
import com.channelrouter.support.Ids;
import com.channelrouter.web.FieldProblem;
import com.channelrouter.web.InvalidRequestException;
import com.channelrouter.web.JsonInputProblems;
import com.channelrouter.web.ProblemTypes;
import com.channelrouter.web.UnprocessableException;
import com.channelrouter.workitem.NewWorkItem;
import com.channelrouter.workitem.PriorExternalId;
import com.channelrouter.workitem.WorkItems;
import jakarta.annotation.PreDestroy;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Routes a stream of requests (NDJSON, one per line) and answers one line per request line, in order: the
 * stored decision, or the problem that refused it. Lines are read and checked in order, then decided and
 * stored in chunks, each chunk by a storage worker in one transaction with multi-row INSERTs of a hundred
 * rows, so a million lines take minutes and the memory held is a few chunks. A bad line is answered and the
 * rest go on. Every line needs an externalId: a line whose sourceChannel and externalId are already stored
 * answers the stored decision (replayed), so sending a batch again, or the rest of one that broke off,
 * creates nothing twice.
 */
@Service
class BatchRoutings {

    static final int CHUNK = 500;
    /** Chunks decided but not yet answered: bounds the memory a batch holds, whatever its length. */
    static final int CHUNKS_IN_FLIGHT = 4;
    /** Chunks decided and stored at once, over all batches; each is stored in one transaction on its own connection. */
    static final int STORAGE_WORKERS = 3;
    static final int MAX_LINE_BYTES = 64 * 1024;
    static final int MAX_BLANK_LINES_IN_A_ROW = 10_000;
    /** Blank space in a row that ends a batch too: 10,000 wide blank lines would otherwise be 640 MB read for nothing. */
    static final long MAX_BLANK_BYTES_IN_A_ROW = 1024 * 1024;
    /** How long a RUNNING batch may go without recording progress before its status says it FAILED. */
    static final Duration SILENT_AT_MOST = Duration.ofMinutes(5);
    /** How long a batch that broke off waits for its chunks being stored before it says so. */
    private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(10);
    /**
     * The first pause before a chunk is stored again after the lookup did not settle it (another request is
     * committing); each further pause is twice the one before.
     */
    private static final Duration PAUSE_BEFORE_ATTEMPT = Duration.ofMillis(50);
    /**
     * Times a chunk is sorted out with the lookup and stored before a refusal by the unique keys (or a deadlock
     * with another instance) is given up on: with the pauses, 1.55 s. Three (0.1 s) broke a batch off while
     * /routings groups on two instances held the same external ids under load.
     */
    private static final int STORE_ATTEMPTS = 6;
    private static final Logger log = LoggerFactory.getLogger(BatchRoutings.class);

    private final RoutingDecisions decisions;
    private final WorkItemDrafts drafts;
    private final WorkItems workItems;
    private final RoutingBatchMapper batches;
    private final TransactionTemplate transaction;
    private final Validator validator;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService storage = Executors.newFixedThreadPool(STORAGE_WORKERS, DecidingThreads.named("batch-storage"));
    private final RepeatWatch repeats = new RepeatWatch();

    BatchRoutings(RoutingDecisions decisions, WorkItemDrafts drafts, WorkItems workItems, RoutingBatchMapper batches,
                  TransactionTemplate transaction, Validator validator, JsonMapper json, Clock clock) {
        this.decisions = decisions;
        this.drafts = drafts;
        this.workItems = workItems;
        this.batches = batches;
        this.transaction = transaction;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
    }

    RoutingBatch start(ApiClient client) {
        Instant now = clock.instant();
        RoutingBatch batch = new RoutingBatch(Ids.next(), client.id(), RoutingBatch.RUNNING, 0, 0, 0, 0, now, now, null, null);
        batches.insert(batch);
        return batch;
    }

    /** True while repeats come ({@link RepeatWatch}). */
    boolean lookUpFirst() {
        return repeats.lookUpFirst();
    }

    /** The batch as it stands; one its instance stopped running without recording its end is FAILED. */
    RoutingBatch status(String batchId) {
        return batches.findById(batchId).map(this::asSeenNow).orElse(null);
    }

    /**
     * A running batch records its progress every second while lines are answered, and a client that sends
     * nothing is cut off by the server's read timeout long before {@link #SILENT_AT_MOST}. A batch RUNNING and
     * silent for longer lost its instance (killed, or its database gone when it tried to record its end).
     */
    private RoutingBatch asSeenNow(RoutingBatch batch) {
        if (!RoutingBatch.RUNNING.equals(batch.state())
                || Duration.between(batch.updatedAt(), clock.instant()).compareTo(SILENT_AT_MOST) <= 0) {
            return batch;
        }
        return new RoutingBatch(batch.batchId(), batch.clientId(), RoutingBatch.FAILED, batch.linesRead(), batch.stored(),
                batch.replayed(), batch.refused(), batch.startedAt(), batch.updatedAt(), batch.updatedAt(),
                "No progress since " + batch.updatedAt() + ": the instance running the batch stopped before it could record its "
                        + "end. Lines after those counted may or may not be stored: send the batch again; lines already stored are "
                        + "answered as replays, and nothing is stored twice.");
    }

    /**
     * Routes every line of {@code in}, answering on {@code out}; records the batch's progress as it goes.
     * While chunks are decided and stored by the storage workers (several at once, so the database works on
     * one while another is decided), this thread reads and checks the next; answers are written in line
     * order, and at most {@link #CHUNKS_IN_FLIGHT} chunks are held at any time. A failure before any line
     * is answered is thrown; after that, the answer ends with a line saying where and why it broke off.
     */
    void run(RoutingBatch started, InputStream in, OutputStream out, ApiClient client) throws IOException {
        BatchProgress progress = new BatchProgress(started, batches, clock);
        NdjsonLines lines = new NdjsonLines(in, MAX_LINE_BYTES);
        Deque<Future<List<BatchLine>>> inFlight = new ArrayDeque<>();
        Map<String, Future<List<BatchLine>>> keysInFlight = new HashMap<>();
        List<BatchLine> chunk = new ArrayList<>(CHUNK);
        try {
            int blankInARow = 0;
            long blankBytesInARow = 0;
            for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
                progress.report(); // also while the first chunks are read: a batch that records nothing for long is lost
                if (line.text() != null && line.text().isBlank()) {
                    // blank lines (a trailing newline, say) are not requests; but nothing is written for them, so a
                    // body of nothing else (a small gzip unpacks to billions) would run on after its client left
                    blankBytesInARow += line.text().length() + 1;
                    if (++blankInARow > MAX_BLANK_LINES_IN_A_ROW || blankBytesInARow > MAX_BLANK_BYTES_IN_A_ROW) {
                        throw InvalidRequestException.of("body", "has more than " + MAX_BLANK_LINES_IN_A_ROW
                                + " blank lines (or 1 MB of blank space) in a row; a batch holds one routing request per line");
                    }
                    continue;
                }
                blankInARow = 0;
                blankBytesInARow = 0;
                chunk.add(read(line, client));
                if (chunk.size() == CHUNK) {
                    inFlight.add(submit(chunk, keysInFlight, client));
                    chunk = new ArrayList<>(CHUNK);
                    while (inFlight.size() >= CHUNKS_IN_FLIGHT) {
                        answer(inFlight.poll(), keysInFlight, out, progress);
                    }
                }
            }
            if (!chunk.isEmpty()) {
                inFlight.add(submit(chunk, keysInFlight, client));
            }
            while (!inFlight.isEmpty()) {
                answer(inFlight.poll(), keysInFlight, out, progress);
            }
            progress.finish(RoutingBatch.DONE, null);
        } catch (IOException | RuntimeException failure) {
            // the answers already written stand; lines not answered may or may not be stored: sending the
            // batch again answers them either way, without storing anything twice
            settle(inFlight);
            progress.finish(RoutingBatch.FAILED, String.valueOf(failure.getMessage()));
            if (progress.lines() == 0) {
                throw failure; // nothing answered yet: the failure is the whole answer, as for any request
            }
            answerBrokenOff(out, progress.lastLine(), failure);
        }
    }

    /**
     * Chunks not started are dropped; those being stored are waited for (a while), so that a batch sent again at
     * once, as the answer invites, does not meet its own first run's transactions still open.
     */
    private static void settle(Deque<Future<List<BatchLine>>> inFlight) {
        inFlight.forEach(chunk -> chunk.cancel(false));
        long deadline = System.nanoTime() + SETTLE_AT_MOST.toNanos();
        for (Future<List<BatchLine>> chunk : inFlight) {
            try {
                chunk.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | CancellationException | TimeoutException ended) {
                // failed, dropped, or still running after the wait: the answer says the lines may or may not be stored
            }
        }
    }

    /** Ends the answer of a batch that broke off with a line saying where and why ({@link BatchProblems#brokenOff}). */
    private void answerBrokenOff(OutputStream out, long lastLine, Exception failure) {
        if (failure instanceof IOException clientGone) {
            log.info("Batch broke off after line {}: the client went away ({})", lastLine, clientGone.getMessage());
            return; // nobody to read a last line
        }
        try {
            out.write(json.writeValueAsBytes(BatchProblems.brokenOff(lastLine, failure)));
            out.write('\n');
            out.flush();
        } catch (IOException clientGone) {
            log.debug("Could not say why the batch broke off: {}", clientGone.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        storage.shutdown();
    }

    /**
     * Hands a chunk to a storage worker. A chunk that repeats an external id of an earlier chunk still in
     * flight waits for that chunk first, so that the first line of an item always stores it and later ones
     * are its repeats (or conflicts), as if the batch were stored line by line.
     */
    private Future<List<BatchLine>> submit(List<BatchLine> chunk, Map<String, Future<List<BatchLine>>> keysInFlight, ApiClient client) {
        List<String> keys = chunk.stream().filter(slot -> slot.request != null)
                .map(slot -> StoredExternalIds.key(slot.request.item().sourceChannel(), slot.request.item().externalId())).toList();
        Set<Future<List<BatchLine>>> earlier = new HashSet<>();
        keys.forEach(key -> {
            Future<List<BatchLine>> other = keysInFlight.get(key);
            if (other != null) {
                earlier.add(other);
            }
        });
        Future<List<BatchLine>> stored = storage.submit(() -> {
            for (Future<List<BatchLine>> before : earlier) {
                before.get(); // submitted earlier to the same FIFO pool, so already running or done
            }
            decide(chunk, client);
            store(chunk);
            return chunk;
        });
        keys.forEach(key -> keysInFlight.put(key, stored));
        return stored;
    }

    private void answer(Future<List<BatchLine>> stored, Map<String, Future<List<BatchLine>>> keysInFlight, OutputStream out,
                        BatchProgress progress) throws IOException {
        List<BatchLine> chunk;
        try {
            chunk = stored.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing a batch", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        keysInFlight.values().removeIf(f -> f == stored);
        for (BatchLine slot : chunk) {
            out.write(slot.answer.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            progress.count(slot);
        }
        out.flush();
        progress.report();
    }

    /**
     * A line that is JSON but not a routing request, said as /routings says it (the field and the kind of value it
     * needs): a value of the wrong type, a line that is not an object, or an object with more after it on the line.
     */
    private static BatchLine notARoutingRequest(BatchLine slot, String text, MismatchedInputException e) {
        if (!e.getPath().isEmpty()) {
            return slot.refused(400, ProblemTypes.INVALID_REQUEST, "Invalid request", "This line is not a routing request.",
                    List.of(JsonInputProblems.wrongType(e, "line")));
        }
        if (text.stripLeading().startsWith("{")) { // an object read whole, and then more: two values on one line
            return slot.refused(400, ProblemTypes.MALFORMED_JSON, "Malformed JSON", "This line holds more than one JSON value.",
                    List.of(new FieldProblem("line", "must hold one routing request, with nothing after it")));
        }
        return slot.refused(400, ProblemTypes.MALFORMED_JSON, "Malformed JSON", "This line is not a JSON object.",
                List.of(new FieldProblem("line", "must be one routing request as a JSON object")));
    }

    /** Reads and checks one line; a refused line gets its answer at once. */
    private BatchLine read(NdjsonLines.Line line, ApiClient client) {
        BatchLine slot = new BatchLine(line.number(), json);
        if (line.tooLong()) {
            return slot.refused(413, ProblemTypes.PAYLOAD_TOO_LARGE, "Line too large",
                    "A line may hold one request of at most " + MAX_LINE_BYTES / 1024 + " KB.", List.of());
        }
        RoutingRequest request;
        try {
            request = json.readValue(line.text(), RoutingRequest.class);
        } catch (MismatchedInputException e) {
            return notARoutingRequest(slot, line.text(), e);
        } catch (DatabindException e) {
            return slot.refused(400, ProblemTypes.INVALID_REQUEST, "Invalid request", "This line is not a routing request.",
                    List.of(new FieldProblem("line", "does not have the shape of a routing request")));
        } catch (JacksonException e) {
            FieldProblem twice = JsonInputProblems.givenTwice(e);
            if (twice != null) {
                return slot.refused(400, ProblemTypes.INVALID_REQUEST, "Invalid request", "This line gives a field twice.", List.of(twice));
            }
            // a parser's message names its tokens and features: the place is what the sender can act on
            String where = e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
            return slot.refused(400, ProblemTypes.MALFORMED_JSON, "Malformed JSON", "This line is not valid JSON.",
                    List.of(new FieldProblem("line", "is not valid JSON" + where)));
        }
        if (request == null) {
            return slot.refused(400, ProblemTypes.MALFORMED_JSON, "Malformed JSON", "This line is not a JSON object.",
                    List.of(new FieldProblem("line", "must be one routing request as a JSON object")));
        }
        SourceChannel source = Codes.parse(SourceChannel.class, request.sourceChannel()).orElse(null);
        if (client.channel() != null && source != null && client.channel() != source) {
            return slot.refused(403, ProblemTypes.FORBIDDEN, "Forbidden", "Your API key speaks for " + client.channel()
                    + " and may only submit items whose sourceChannel is " + client.channel() + ", not " + source + ".", List.of());
        }
        List<FieldProblem> problems = new ArrayList<>(FieldProblem.of(validator.validate(request)));
        if (request.externalId() == null || request.externalId().isBlank()) {
            problems.add(new FieldProblem("externalId", "is required in a batch, so that sending the batch again creates nothing twice"));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            return slot.invalidFields(problems);
        }
        try {
            slot.request = drafts.check(request);
            return slot;
        } catch (InvalidRequestException e) {
            return slot.invalidFields(e.errors());
        }
    }

    /**
     * Decides the chunk's checked lines, on a storage worker: the registry entries they need are read with
     * one query, and the chunks in flight are decided on several cores while this batch's thread reads on.
     */
    private void decide(List<BatchLine> chunk, ApiClient client) {
        List<BatchLine> checked = chunk.stream().filter(slot -> slot.request != null).toList();
        Map<String, Customer> registered = decisions.registeredFor(checked.stream().map(slot -> slot.request.item()).toList());
        for (BatchLine slot : checked) {
            CheckedRequest request = slot.request;
            try {
                RoutingDecision decision = decisions.decide(request.item(), registered).withWorkItemId(Ids.next());
                slot.decided(drafts.draft(decision, request, client));
            } catch (InvalidRequestException e) {
                slot.invalidFields(e.errors());
            } catch (UnprocessableException e) {
                slot.refused(422, e.problemType(), e.title(), e.getMessage(), e.errors());
            }
        }
    }

    /**
     * Stores the chunk's new items in one transaction, answering repeats with what is already stored. Most
     * chunks hold only new items, so a chunk inserts without looking its external ids up while no repeats
     * come ({@link RepeatWatch}): the unique keys then find a repeat, or an item another request stored
     * meanwhile, and the chunk is sorted out again against what is stored. So is a chunk the database rolled
     * back as a deadlock's victim: another instance was storing some of the same external ids at once (the
     * same batch sent to both, its lines in another order), and its items may now be stored.
     */
    private void store(List<BatchLine> chunk) {
        answerRefusedRepeats(chunk);
        boolean lookUpFirst = repeats.lookUpFirst();
        for (int lookUps = lookUpFirst ? 1 : 0; ; lookUps++) {
            List<NewWorkItem> fresh = sortOutRepeats(chunk, lookUpFirst
                    ? lookUp(chunk.stream().filter(s -> s.own != null).toList()) : StoredExternalIds.NONE);
            try {
                transaction.executeWithoutResult(status -> workItems.openAll(fresh));
                chunk.stream().filter(s -> s.item != null && s.answer == null)
                        .forEach(s -> s.answered(s.item.workItemId(), s.item.decisionJson(), s.repeatOf != null));
                return;
            } catch (DuplicateKeyException | PessimisticLockingFailureException storedMeanwhile) {
                if (DatabaseFailures.lockWaitTimedOut(storedMeanwhile)) {
                    // held for the whole limit by another transaction, not a commit race: each attempt would wait as
                    // long again, so the batch breaks off now (503), to be sent again
                    throw storedMeanwhile;
                }
                if (lookUps == STORE_ATTEMPTS) {
                    // still refused: another request is storing these ids at this moment and has not committed
                    // (H2 refuses such a row at once rather than waiting for it); sending the batch again will do
                    throw new TransientDataAccessResourceException("Lines of this chunk were being stored by another request"
                            + " at the same moment", storedMeanwhile);
                }
                if (lookUpFirst) {
                    pause(lookUps); // looked up and still refused: give the other request time to commit
                }
                lookUpFirst = true;
            }
        }
    }

    /** The pause after the {@code lookUps}-th lookup did not settle the chunk: 50 ms, then twice as long each time. */
    private static void pause(int lookUps) {
        try {
            Thread.sleep(PAUSE_BEFORE_ATTEMPT.toMillis() << Math.max(0, lookUps - 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing a batch", e);
        }
    }

    /**
     * A line the decision refused is still a repeat when its externalId names a stored item: it is answered
     * from the store, as every repeat is, whatever the tables or the registry would decide now. Its item is
     * never inserted, so no unique key sees it: its external ids are looked up, only when a chunk has such lines.
     */
    private void answerRefusedRepeats(List<BatchLine> chunk) {
        List<BatchLine> refused = chunk.stream().filter(s -> s.request != null && s.own == null).toList();
        if (refused.isEmpty()) {
            return;
        }
        StoredExternalIds stored = lookUp(refused);
        for (BatchLine slot : refused) {
            PriorExternalId prior = stored.get(slot.request.item().sourceChannel(), slot.request.item().externalId());
            if (prior != null && prior.requestHash().equals(slot.request.fingerprint())) {
                slot.answered(prior.workItemId(), stored.decisionJson(prior), true);
            } else if (prior != null) {
                slot.conflicting();
            }
        }
    }

    /** The items stored under the external ids of these checked lines (a batch line always has one). */
    private StoredExternalIds lookUp(List<BatchLine> lines) {
        return repeats.noted(StoredExternalIds.find(workItems, lines.stream().map(s -> s.request.item()).toList()));
    }

    /**
     * Marks the chunk's repeats (of items found {@code stored}, or of an earlier line) and returns the items to
     * store; sorts every decided line afresh, as the lines it marked before may have been sorted without the lookup.
     */
    private List<NewWorkItem> sortOutRepeats(List<BatchLine> chunk, StoredExternalIds stored) {
        Map<String, BatchLine> firstInChunk = new HashMap<>();
        List<NewWorkItem> fresh = new ArrayList<>();
        for (BatchLine slot : chunk) {
            if (slot.own == null) {
                continue; // refused before it was decided
            }
            slot.unsorted();
            String key = StoredExternalIds.key(slot.item.sourceChannel(), slot.item.externalId());
            PriorExternalId prior = stored.get(slot.item.sourceChannel(), slot.item.externalId());
            BatchLine first = firstInChunk.putIfAbsent(key, slot);
            String priorHash = prior != null ? prior.requestHash() : first != null ? first.item.requestHash() : null;
            if (priorHash != null && !priorHash.equals(slot.item.requestHash())) {
                slot.conflicting();
            } else if (prior != null) {
                slot.answered(prior.workItemId(), stored.decisionJson(prior), true);
            } else if (first != null) {
                slot.repeatOf = first; // answered with the first line's item once it is stored
                slot.item = first.item;
            } else {
                fresh.add(slot.item);
            }
        }
        return fresh;
    }
}
