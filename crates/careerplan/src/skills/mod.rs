//! Skills: proficiency scales (and, in later modules, role catalogs and gap
//! reports).

pub mod scale;
