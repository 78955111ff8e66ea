package bbva;

import java.util.Optional;
import java.util.function.Predicate;

/** Waiting in tests: ask again until the answer is the awaited one, or fail after a time limit showing the last answer. */
public final class Poll {
    private Poll() {
    }

    /** One question; an exception fails the wait at once, so catch what means "not yet". */
    public interface Ask<T> {
        T get() throws Exception;
    }

    /**
     * Asks every {@code everyMillis} until {@code done} accepts an answer, and returns that answer; after
     * {@code seconds}, fails saying what did not happen ({@code what}) and the last answer.
     */
    public static <T> T until(String what, int seconds, long everyMillis, Ask<T> ask, Predicate<? super T> done) throws Exception {
        Answer<T> last = ask(seconds, everyMillis, ask, done);
        if (!last.done()) {
            throw new AssertionError(what + " did not happen in " + seconds + " s; the last answer: " + last.value());
        }
        return last.value();
    }

    /** For what may or may not happen: as {@link #until}, but after {@code seconds} it returns empty. */
    public static <T> Optional<T> within(int seconds, long everyMillis, Ask<T> ask, Predicate<? super T> done) throws Exception {
        Answer<T> last = ask(seconds, everyMillis, ask, done);
        return last.done() ? Optional.of(last.value()) : Optional.empty();
    }

    private record Answer<T>(T value, boolean done) {
    }

    private static <T> Answer<T> ask(int seconds, long everyMillis, Ask<T> ask, Predicate<? super T> done) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (true) {
            T answer = ask.get();
            if (done.test(answer)) {
                return new Answer<>(answer, true);
            }
            if (System.nanoTime() > deadline) {
                return new Answer<>(answer, false);
            }
            Thread.sleep(everyMillis);
        }
    }
}
