//! The server's resident memory during a run, read from
//! `/proc/<pid>/status` (`VmRSS`, Linux): at the start, at the end, and the
//! most seen in between. Load shedding is meant to keep memory bounded under
//! overload; this shows whether it does.

use std::{path::PathBuf, time::Duration};

use serde::Serialize;
use tokio::sync::oneshot;

/// How often the memory is read between the start and the end.
pub const SAMPLE_EVERY: Duration = Duration::from_millis(100);

/// Why the memory cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("cannot read the resident memory of process {pid} from {path}: {reason}")]
pub struct RssError {
    /// The process.
    pub pid: u32,
    /// The file read.
    pub path: PathBuf,
    /// Why.
    pub reason: String,
}

/// The server's resident memory over a run, in MiB.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RssReport {
    /// Before the first call.
    pub start_mib: f64,
    /// After the last call was answered.
    pub end_mib: f64,
    /// The most seen.
    pub max_mib: f64,
}

/// Reads the resident memory of a process.
#[derive(Debug, Clone)]
pub struct RssProbe {
    /// The process.
    pid: u32,
    /// `/proc/<pid>/status`.
    path: PathBuf,
}

impl RssProbe {
    /// A probe of process `pid`, checked by reading it once.
    ///
    /// # Errors
    /// The process's status cannot be read or carries no `VmRSS` line.
    pub fn new(pid: u32) -> Result<Self, RssError> {
        let probe = Self {
            pid,
            path: PathBuf::from(format!("/proc/{pid}/status")),
        };
        probe.read_kib()?;
        Ok(probe)
    }

    /// The resident memory now, in KiB.
    ///
    /// # Errors
    /// As for [`RssProbe::new`]; the process may have exited.
    pub fn read_kib(&self) -> Result<u64, RssError> {
        let error = |reason: String| RssError {
            pid: self.pid,
            path: self.path.clone(),
            reason,
        };
        let status = std::fs::read_to_string(&self.path).map_err(|e| error(e.to_string()))?;
        vm_rss_kib(&status).ok_or_else(|| error(String::from("no VmRSS line")))
    }

    /// Samples the memory now, then every [`SAMPLE_EVERY`] until `stop`
    /// fires (or is dropped), then once more.
    ///
    /// # Errors
    /// The process exited or its status became unreadable.
    pub async fn sample_until_stopped(&self, mut stop: oneshot::Receiver<()>) -> Result<RssReport, RssError> {
        let start = self.read_kib()?;
        let mut max = start;
        let mut ticks = tokio::time::interval(SAMPLE_EVERY);
        loop {
            tokio::select! {
                _ = &mut stop => break,
                _ = ticks.tick() => max = max.max(self.read_kib()?),
            }
        }
        let end = self.read_kib()?;
        Ok(RssReport {
            start_mib: kib_to_mib(start),
            end_mib: kib_to_mib(end),
            max_mib: kib_to_mib(max.max(end)),
        })
    }
}

/// The `VmRSS` value of a `/proc/<pid>/status` text, in KiB.
fn vm_rss_kib(status: &str) -> Option<u64> {
    let line = status.lines().find_map(|line| line.strip_prefix("VmRSS:"))?;
    let mut fields = line.split_whitespace();
    let value = fields.next()?.parse().ok()?;
    (fields.next()? == "kB").then_some(value)
}

fn kib_to_mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vm_rss_line_gives_kibibytes() {
        let status = "Name:\tarticle-normal\nVmPeak:\t  912340 kB\nVmRSS:\t   20480 kB\nThreads:\t5\n";
        assert_eq!(vm_rss_kib(status), Some(20480));
    }

    #[test]
    fn a_status_without_vm_rss_gives_nothing() {
        assert_eq!(vm_rss_kib("Name:\tzombie\nState:\tZ (zombie)\n"), None);
        assert_eq!(vm_rss_kib("VmRSS:\tlots\n"), None);
    }

    #[test]
    fn this_process_has_resident_memory() {
        let probe = RssProbe::new(std::process::id()).expect("this process is readable");
        assert!(probe.read_kib().expect("VmRSS") > 0);
    }
}
