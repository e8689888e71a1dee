pub fn docx(_l: &recourse_core::letters::Letter, _p: crate::Paper) -> Result<Vec<u8>, crate::DocumentError> { Err(crate::DocumentError::Docx("todo".into())) }
