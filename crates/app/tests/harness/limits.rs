//! Running a program with limits: a time limit (killed when it passes) and, on Linux, an
//! address-space limit, so a runaway allocation fails the program instead of the shared machine.
//! Standard library only, so the CLI's tests can include this file too.

use std::io::Read;
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// How a limited run ended.
pub struct Ran {
    /// None when it was killed at the time limit.
    pub status: Option<ExitStatus>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `program` with `args` and `envs`, within `timeout` and (on Linux) `memory_mb` of address
/// space.
pub fn run_limited(
    program: &Path,
    args: &[&str],
    envs: &[(&str, &str)],
    timeout: Duration,
    memory_mb: u64,
) -> Ran {
    let mut cmd = if cfg!(target_os = "linux") {
        let mut c = Command::new("sh");
        c.arg("-c")
            .arg(format!(
                "ulimit -v {} && exec \"$0\" \"$@\"",
                memory_mb * 1024
            ))
            .arg(program);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args)
        .envs(envs.iter().copied())
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("start the program");
    // Read both pipes on threads so a chatty program never blocks on a full pipe.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        String::from_utf8_lossy(&s).into_owned()
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        String::from_utf8_lossy(&s).into_owned()
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the program") {
            break Some(status);
        }
        if started.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ran {
        status,
        stdout: out_reader.join().unwrap_or_default(),
        stderr: err_reader.join().unwrap_or_default(),
    }
}

/// The lines of a dead program's stderr that say why it died (a panic, a failed allocation, a
/// stack overflow), else its last lines; at most 400 bytes.
pub fn why_it_ended(stderr: &str) -> String {
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("note:"))
        .collect();
    let telling: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| {
            [
                "panicked",
                "memory allocation",
                "overflowed",
                "fatal",
                "error",
            ]
            .iter()
            .any(|w| l.contains(w))
        })
        .collect();
    let chosen = if telling.is_empty() {
        &lines[lines.len().saturating_sub(3)..]
    } else {
        &telling[..telling.len().min(3)]
    };
    let mut t = chosen.join(" | ");
    if t.len() > 400 {
        let mut cut = 400;
        while !t.is_char_boundary(cut) {
            cut -= 1;
        }
        t.truncate(cut);
    }
    t
}
