//! The server under test as a child process: `article-normalizer serve` on a
//! free loopback port, its address read back from its `Listening.` log line,
//! stopped with SIGTERM as an orchestrator would.

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    process::{ExitStatus, Stdio},
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
}

/// A running server, killed if dropped before [`ServerProcess::stop`].
#[derive(Debug)]
pub struct ServerProcess {
    /// The process.
    child: Child,
    /// Where it serves gRPC.
    addr: SocketAddr,
}

impl ServerProcess {
    /// Starts `binary serve` on a free loopback port, with metrics off,
    /// JSON logs (to find the address) and `envs` on top.
    ///
    /// # Errors
    /// The binary cannot be run or does not start listening in time.
    pub async fn start(binary: &Path, envs: &[(&str, &str)]) -> Result<Self, ServerError> {
        let mut child = Command::new(binary)
            .arg("serve")
            .args(["--listen", "127.0.0.1:0"])
            .env_remove("RUST_LOG")
            .env("NORMALIZER__LOG__FORMAT", "json")
            .env("NORMALIZER__LOG__LEVEL", "info")
            .env("NORMALIZER__METRICS__LISTEN", "")
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
        let listening = tokio::time::timeout(START_TIMEOUT, async {
            while let Ok(Some(line)) = lines.next_line().await {
                if let Some(addr) = logged_address(&line, "Listening.") {
                    return Some(addr);
                }
            }
            None
        });
        let addr = listening.await.ok().flatten().ok_or_else(not_listening)?;
        // Keep reading stdout so the server never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Ok(Self { child, addr })
    }

    /// Where the server serves gRPC.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The server's process id, while it runs.
    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// Sends SIGTERM and waits for the exit; kills the server if it does not
    /// exit within the stop timeout.
    ///
    /// # Errors
    /// The signal cannot be sent or the exit cannot be read.
    pub async fn stop(mut self) -> Result<ExitStatus, ServerError> {
        if let Some(pid) = self.child.id() {
            // `kill` rather than a signal call: the workspace forbids unsafe code.
            std::process::Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status()
                .map_err(ServerError::Stop)?;
        }
        match tokio::time::timeout(STOP_TIMEOUT, self.child.wait()).await {
            Ok(status) => status.map_err(ServerError::Stop),
            Err(_) => {
                self.child.kill().await.map_err(ServerError::Stop)?;
                self.child.wait().await.map_err(ServerError::Stop)
            }
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
