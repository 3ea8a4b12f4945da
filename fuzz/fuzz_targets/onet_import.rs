//! O*NET import on arbitrary file contents. Layout of an input: one flags
//! byte, then up to three UTF-8 texts separated by 0xFF (a byte no UTF-8
//! text contains): Skills.txt, Occupation Data.txt, Knowledge.txt.
#![no_main]

use careerplan::skills::onet::{FlagPolicy, OnetOptions, OnetSources, import};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let mut parts = rest.splitn(3, |&b| b == 0xFF);
    let mut next = || parts.next().map(std::str::from_utf8);
    let skills = match next() {
        Some(Ok(t)) => Some(t),
        Some(Err(_)) => return,
        None => None,
    };
    let occupations = match next() {
        Some(Ok(t)) => Some(t),
        Some(Err(_)) => return,
        None => None,
    };
    let knowledge = match next() {
        Some(Ok(t)) => Some(t),
        Some(Err(_)) => return,
        None => None,
    };
    let policy = |bit: u8| {
        if flags & bit == 0 {
            FlagPolicy::Drop
        } else {
            FlagPolicy::Keep
        }
    };
    let options = OnetOptions {
        version: (flags & 0x01 != 0).then(|| "29.0".to_string()),
        not_relevant: policy(0x02),
        recommend_suppress: policy(0x04),
        must_have_importance: f64::from(flags >> 4) / 2.0,
        descriptions: flags & 0x08 != 0,
    };
    let sources = OnetSources {
        skills,
        knowledge,
        occupations,
    };
    let Ok(out) = import(&sources, &options) else {
        return;
    };
    // What an import yields is a catalog the rest of the library accepts:
    // it serialises, reads back equal, and every number in it is finite.
    let json = match serde_json::to_string(&out.catalog) {
        Ok(j) => j,
        Err(e) => panic!("catalog does not serialise: {e}"),
    };
    for role in &out.catalog.roles {
        for r in &role.requirements {
            assert!(r.level.is_finite() && r.importance.is_finite(), "{r:?}");
        }
    }
    let back = match careerplan::skills::RoleCatalog::from_json(&json) {
        Ok(c) => c,
        Err(e) => panic!("catalog does not read back: {e}\n{json}"),
    };
    assert_eq!(back, out.catalog, "catalog JSON round-trip");
});
