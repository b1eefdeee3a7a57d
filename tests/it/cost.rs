//! How the linear-cost tests measure cost: the CPU time of the calling thread
//! (`CLOCK_THREAD_CPUTIME_ID`), not the wall clock. On a shared machine (CI runs other builds and
//! browsers beside these tests) wall time includes every moment the thread waited for a core,
//! which made "4× the input costs under 9× the time" fail for reasons that had nothing to do with
//! wdcap; the thread's own CPU time does not count those waits. These tests still assert only a
//! shape (linear, not quadratic), never a speed: the figures live in `make bench-native`.

use std::time::Duration;

/// CPU time this thread has used so far.
pub fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; CLOCK_THREAD_CPUTIME_ID is supported on every
    // platform these tests run on (Linux); a failure leaves `ts` at zero and is reported.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// The CPU time `f` takes on this thread.
pub fn cost(f: impl FnOnce()) -> Duration {
    let start = thread_cpu();
    f();
    thread_cpu().saturating_sub(start)
}

/// The least of `runs` costs of `f` (the least disturbed by caches shared with other work).
pub fn least_cost(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| cost(&mut f))
        .min()
        .expect("at least one run")
}

/// Cost at 4× the size stays near 4× (a quadratic path would be about 16×).
pub fn assert_linear(what: &str, small: Duration, large: Duration) {
    assert!(
        large < small * 9 + Duration::from_millis(300),
        "{what}: {small:?} at 1×, {large:?} at 4× (CPU time of this thread): not linear"
    );
}
