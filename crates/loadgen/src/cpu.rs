//! The CPU time a process has used, read from `/proc/<pid>/stat` (Linux):
//! user and system time of all its threads. Over a run, CPU seconds per
//! second are the cores the server had, which the load generator shares.

use std::time::Duration;

/// The clock tick of `/proc/<pid>/stat` times: `USER_HZ`, which the Linux ABI
/// fixes at 100 on the common architectures.
const TICKS_PER_SECOND: u64 = 100;

/// The user and system time process `pid` has used so far; `None` when it
/// cannot be read.
pub fn used(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    parse_stat(&stat)
}

/// `utime + stime` of a `/proc/<pid>/stat` line. The command name, in
/// parentheses, may hold spaces: fields are counted after its closing one.
fn parse_stat(stat: &str) -> Option<Duration> {
    let after_name = &stat[stat.rfind(')')? + 1..];
    // After the name: state (field 3) … utime (field 14), stime (field 15).
    let mut fields = after_name.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some(Duration::from_millis((user + system) * 1000 / TICKS_PER_SECOND))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_and_system_ticks_are_added() {
        let stat =
            "4242 (article normalizer) S 1 4242 4242 0 -1 4194560 1200 0 0 0 250 75 0 0 20 0 9 0 100 0 0";
        assert_eq!(parse_stat(stat), Some(Duration::from_millis(3250)));
        assert_eq!(parse_stat("garbage"), None);
    }

    #[test]
    fn the_time_of_this_process_can_be_read() {
        assert!(used(std::process::id()).is_some());
    }
}
