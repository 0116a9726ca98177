//! The server under test as a child process: `article-normalizer serve` on a
//! free loopback port, its addresses read back from its `Listening.` and
//! `Serving metrics.` log lines, stopped with SIGTERM as an orchestrator
//! would. The one way the load generator and the black-box tests start it.

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    process::{ExitStatus, Stdio},
    sync::{Arc, Mutex, PoisonError},
    time::Duration,
};

use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::{Child, Command},
};

/// How long the server may take to start listening.
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// How long the server may take to drain and exit after SIGTERM; past it,
/// it is killed.
const STOP_TIMEOUT: Duration = Duration::from_secs(30);

/// Why the server could not be started or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The binary could not be run.
    #[error("cannot run {binary}: {source}")]
    Spawn {
        /// The server binary.
        binary: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The server exited or stayed silent instead of listening.
    #[error("{binary} did not log `Listening.` within {} s", START_TIMEOUT.as_secs())]
    NotListening {
        /// The server binary.
        binary: PathBuf,
    },
    /// Signalling or waiting for the process failed.
    #[error("cannot stop the server: {0}")]
    Stop(std::io::Error),
    /// The server did not exit in the time given.
    #[error("the server did not exit within {0:?}")]
    StillRunning(Duration),
}

/// Every line the server wrote to stdout so far.
pub type Logs = Arc<Mutex<Vec<String>>>;

/// A running server, killed if dropped before it exits.
#[derive(Debug)]
pub struct ServerProcess {
    /// The process.
    child: Child,
    /// Where it serves gRPC.
    addr: SocketAddr,
    /// Where it serves `/metrics`, when it does.
    metrics_addr: Option<SocketAddr>,
    /// Its stdout, kept for tests that look for a log line.
    logs: Logs,
}

impl ServerProcess {
    /// Starts `binary serve --listen 127.0.0.1:0 args…`, with JSON logs (to
    /// find the addresses), metrics on a free loopback port, and `envs` on
    /// top. With `echo`, each line of its output is copied to stderr.
    ///
    /// # Errors
    /// The binary cannot be run or does not start listening in time.
    pub async fn start(
        binary: &Path,
        args: &[&str],
        envs: &[(&str, &str)],
        echo: bool,
    ) -> Result<Self, ServerError> {
        let mut child = Command::new(binary)
            .arg("serve")
            .args(["--listen", "127.0.0.1:0"])
            .args(args)
            .env_remove("RUST_LOG")
            .env("NORMALIZER__LOG__FORMAT", "json")
            .env("NORMALIZER__LOG__LEVEL", "info")
            .env("NORMALIZER__METRICS__LISTEN", "127.0.0.1:0")
            .envs(envs.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .map_err(|source| ServerError::Spawn {
                binary: binary.to_owned(),
                source,
            })?;
        let not_listening = || ServerError::NotListening {
            binary: binary.to_owned(),
        };
        let stdout = child.stdout.take().ok_or_else(not_listening)?;
        let mut lines = BufReader::new(stdout).lines();
        let echoed = move |line: &str| {
            if echo {
                eprintln!("[server] {line}");
            }
        };
        let listening = tokio::time::timeout(START_TIMEOUT, async {
            let mut metrics_addr = None;
            while let Ok(Some(line)) = lines.next_line().await {
                echoed(&line);
                if let Some(addr) = logged_address(&line, "Serving metrics.") {
                    metrics_addr = Some(addr);
                }
                if let Some(addr) = logged_address(&line, "Listening.") {
                    return Some((addr, metrics_addr));
                }
            }
            None
        });
        let (addr, metrics_addr) = listening.await.ok().flatten().ok_or_else(not_listening)?;
        // Keep reading stdout so the server never blocks on a full pipe.
        let logs = Logs::default();
        let kept = Arc::clone(&logs);
        tokio::spawn(async move {
            while let Ok(Some(line)) = lines.next_line().await {
                echoed(&line);
                kept.lock().unwrap_or_else(PoisonError::into_inner).push(line);
            }
        });
        Ok(Self {
            child,
            addr,
            metrics_addr,
            logs,
        })
    }

    /// Where the server serves gRPC.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Where the server serves `/metrics`, when it does.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics_addr
    }

    /// The lines the server wrote to stdout since it listened.
    pub fn logs(&self) -> &Logs {
        &self.logs
    }

    /// The server's process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// Sends SIGTERM, as an orchestrator does.
    ///
    /// # Errors
    /// The signal cannot be sent.
    pub fn terminate(&self) -> Result<(), ServerError> {
        if let Some(pid) = self.child.id() {
            // `kill` rather than a signal call: the workspace forbids unsafe code.
            let status = std::process::Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status()
                .map_err(ServerError::Stop)?;
            if !status.success() {
                return Err(ServerError::Stop(std::io::Error::other(format!(
                    "kill -TERM {pid} failed"
                ))));
            }
        }
        Ok(())
    }

    /// Waits for the process to exit, at most `within`.
    ///
    /// # Errors
    /// The exit cannot be read, or the server is still running.
    pub async fn wait(&mut self, within: Duration) -> Result<ExitStatus, ServerError> {
        tokio::time::timeout(within, self.child.wait())
            .await
            .map_err(|_| ServerError::StillRunning(within))?
            .map_err(ServerError::Stop)
    }

    /// Sends SIGTERM and waits for the exit; kills the server if it does not
    /// exit within the stop timeout.
    ///
    /// # Errors
    /// The signal cannot be sent or the exit cannot be read.
    pub async fn stop(mut self) -> Result<ExitStatus, ServerError> {
        self.terminate()?;
        match self.wait(STOP_TIMEOUT).await {
            Err(ServerError::StillRunning(_)) => {
                self.child.kill().await.map_err(ServerError::Stop)?;
                self.child.wait().await.map_err(ServerError::Stop)
            }
            exited => exited,
        }
    }
}

/// The `address` field of a JSON log line whose message is `message`, e.g.
/// the server's `Listening.` line.
pub fn logged_address(line: &str, message: &str) -> Option<SocketAddr> {
    let event: serde_json::Value = serde_json::from_str(line).ok()?;
    let fields = event.get("fields")?;
    if fields.get("message")?.as_str()? != message {
        return None;
    }
    fields.get("address")?.as_str()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listening_line_gives_the_address() {
        let line = r#"{"timestamp":"2026-01-01T00:00:00Z","level":"INFO","fields":{"message":"Listening.","address":"127.0.0.1:41234"}}"#;
        assert_eq!(
            logged_address(line, "Listening."),
            Some(SocketAddr::from(([127, 0, 0, 1], 41234)))
        );
        assert_eq!(logged_address(line, "Serving metrics."), None);
        assert_eq!(
            logged_address("Listening. address=127.0.0.1:1", "Listening."),
            None
        );
    }
}
