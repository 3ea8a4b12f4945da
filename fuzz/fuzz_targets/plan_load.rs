//! Plan JSON: parse + migrate + validate must never panic, and whatever
//! loads must survive a dump and reload unchanged.
#![no_main]

use careerplan::plan;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The validation entry point reports load errors as problems.
    let validation = plan::validate_json(text);
    let Ok(loaded) = plan::load_plan(text, &Default::default()) else {
        assert!(
            !validation.valid,
            "validate_json accepted a plan load_plan refused"
        );
        return;
    };
    let _ = loaded.validate();

    // Lossless round-trip: the dump reloads to the same plan, and dumping
    // that gives the same text.
    let dumped = loaded.to_json();
    let reloaded = match plan::load_plan(&dumped, &Default::default()) {
        Ok(p) => p,
        Err(e) => panic!("a dumped plan does not reload: {e}\n{dumped}"),
    };
    assert_eq!(loaded, reloaded, "round-trip changed the plan\n{dumped}");
    assert_eq!(dumped, reloaded.to_json(), "second dump differs");

    // The value path (used by the bindings) gives the same plan.
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => panic!("load_plan accepted text serde_json refuses: {e}"),
    };
    match plan::load_plan(value, &Default::default()) {
        Ok(p) => assert_eq!(loaded, p, "load_plan of the text and of its value disagree"),
        Err(e) => panic!("load_plan refused the value of a text it accepted: {e}"),
    }
});
