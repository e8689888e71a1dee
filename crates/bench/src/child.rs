//! Running a program as a child process and measuring its wall time and peak memory.
//!
//! Peak memory is the child's `ru_maxrss` as GNU time reports it (`/usr/bin/time -f %M`): the
//! workspace forbids unsafe code, so the bench does not call `wait4` itself. Without GNU time,
//! the child's `VmHWM` in `/proc/<pid>/status` is polled until it exits, which can miss a peak
//! reached in its last few milliseconds; the report says which method was used.

use anyhow::{bail, Context, Result};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const GNU_TIME: &str = "/usr/bin/time";

pub struct Measured {
    pub wall: Duration,
    pub peak_mb: f64,
    pub stdout: String,
    /// Whether the program exited 0 (always true from [`run`]).
    pub success: bool,
}

/// Whether peak memory comes from GNU time (exact) or from polling /proc (a lower bound).
pub fn peak_method() -> &'static str {
    if Path::new(GNU_TIME).exists() {
        "ru_maxrss via /usr/bin/time"
    } else {
        "VmHWM polled from /proc (lower bound)"
    }
}

/// Runs `program args…` to completion with stdout captured and stderr discarded. A non-zero
/// exit is an error carrying the program's stderr.
pub fn run(program: &Path, args: &[&str]) -> Result<Measured> {
    run_checked(program, args, true)
}

/// As [`run`], but a non-zero exit (a file refused) is a result: `Measured::success` says.
pub fn run_any(program: &Path, args: &[&str]) -> Result<Measured> {
    run_checked(program, args, false)
}

fn run_checked(program: &Path, args: &[&str], must_succeed: bool) -> Result<Measured> {
    if Path::new(GNU_TIME).exists() {
        run_under_time(program, args, must_succeed)
    } else {
        run_polling(program, args, must_succeed)
    }
}

fn run_under_time(program: &Path, args: &[&str], must_succeed: bool) -> Result<Measured> {
    let report = tempfile::NamedTempFile::new()?;
    let started = Instant::now();
    let out = Command::new(GNU_TIME)
        .arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(report.path())
        .arg(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .with_context(|| format!("cannot run {}", program.display()))?;
    let wall = started.elapsed();
    if must_succeed && !out.status.success() {
        bail!(
            "{} failed: {}",
            program.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    let text = std::fs::read_to_string(report.path())?;
    let kb: f64 = text
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .with_context(|| format!("unexpected /usr/bin/time output: {text:?}"))?;
    Ok(Measured {
        wall,
        peak_mb: kb / 1024.0,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        success: out.status.success(),
    })
}

fn run_polling(program: &Path, args: &[&str], must_succeed: bool) -> Result<Measured> {
    let started = Instant::now();
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot run {}", program.display()))?;
    let status_file = format!("/proc/{}/status", child.id());
    // Stdout is read on a thread so a chatty child never blocks on a full pipe.
    let mut stdout = child.stdout.take().context("no stdout")?;
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut stdout, &mut s);
        s
    });
    let mut peak_kb = 0f64;
    let status = loop {
        if let Some(hwm) = std::fs::read_to_string(&status_file)
            .ok()
            .and_then(|s| vm_hwm_kb(&s))
        {
            peak_kb = peak_kb.max(hwm);
        }
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let wall = started.elapsed();
    let stdout = reader.join().unwrap_or_default();
    if must_succeed && !status.success() {
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut e, &mut err);
        }
        bail!("{} failed: {}", program.display(), err.trim());
    }
    Ok(Measured {
        wall,
        peak_mb: peak_kb / 1024.0,
        stdout,
        success: status.success(),
    })
}

fn vm_hwm_kb(status: &str) -> Option<f64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_high_water_mark() {
        assert_eq!(
            vm_hwm_kb("Name:\tx\nVmPeak:\t 9 kB\nVmHWM:\t  2048 kB\n"),
            Some(2048.0)
        );
        assert_eq!(vm_hwm_kb("Name:\tx\n"), None);
    }

    #[test]
    fn measures_a_real_child() {
        let m = run(Path::new("/bin/sh"), &["-c", "echo hello"]).unwrap();
        assert_eq!(m.stdout.trim(), "hello");
        assert!(m.peak_mb > 0.0);
        assert!(run(Path::new("/bin/sh"), &["-c", "exit 3"]).is_err());
        assert!(
            !run_any(Path::new("/bin/sh"), &["-c", "exit 3"])
                .unwrap()
                .success
        );
    }
}
