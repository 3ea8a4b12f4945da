//! Review and follow-up cadences: "quarterly", or "every 6 weeks".

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Unit of a cadence interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CadenceUnit {
    /// Calendar days.
    Days,
    /// Weeks of seven days.
    Weeks,
    /// Calendar months (clamped to the month's end).
    Months,
    /// Calendar years.
    Years,
}

/// How often something recurs.
///
/// In JSON either a preset name or an interval object:
///
/// ```
/// use careerplan::plan::{Cadence, CadenceUnit};
/// let q: Cadence = serde_json::from_str(r#""quarterly""#)?;
/// assert_eq!(q.interval(), (3, CadenceUnit::Months));
/// let six_weeks: Cadence = serde_json::from_str(r#"{"every": 6, "unit": "weeks"}"#)?;
/// assert_eq!(six_weeks.interval(), (6, CadenceUnit::Weeks));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cadence {
    /// Every 7 days.
    Weekly,
    /// Every 14 days.
    Biweekly,
    /// Every month.
    Monthly,
    /// Every 3 months.
    Quarterly,
    /// Every 6 months.
    SemiAnnual,
    /// Every 12 months.
    Annual,
    /// Every `every` `unit`s.
    Every {
        /// How many units between occurrences (at least 1).
        every: u32,
        /// The unit.
        unit: CadenceUnit,
    },
}

const PRESETS: [(&str, Cadence); 6] = [
    ("weekly", Cadence::Weekly),
    ("biweekly", Cadence::Biweekly),
    ("monthly", Cadence::Monthly),
    ("quarterly", Cadence::Quarterly),
    ("semi_annual", Cadence::SemiAnnual),
    ("annual", Cadence::Annual),
];

impl Cadence {
    /// The cadence as a count of units.
    pub fn interval(self) -> (u32, CadenceUnit) {
        match self {
            Cadence::Weekly => (1, CadenceUnit::Weeks),
            Cadence::Biweekly => (2, CadenceUnit::Weeks),
            Cadence::Monthly => (1, CadenceUnit::Months),
            Cadence::Quarterly => (3, CadenceUnit::Months),
            Cadence::SemiAnnual => (6, CadenceUnit::Months),
            Cadence::Annual => (1, CadenceUnit::Years),
            Cadence::Every { every, unit } => (every, unit),
        }
    }

    fn preset_name(self) -> Option<&'static str> {
        PRESETS.iter().find(|(_, c)| *c == self).map(|(n, _)| *n)
    }
}

impl Serialize for Cadence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        if let Some(name) = self.preset_name() {
            return s.serialize_str(name);
        }
        let (every, unit) = self.interval();
        let mut st = s.serialize_struct("Cadence", 2)?;
        st.serialize_field("every", &every)?;
        st.serialize_field("unit", &unit)?;
        st.end()
    }
}

/// A cadence as JSON spells it, before it is checked: what serde reads
/// (untagged: a preset name or an interval object).
#[derive(Deserialize)]
#[serde(untagged)]
enum CadenceRepr {
    Name(String),
    Interval(Interval),
}

struct Interval {
    every: u32,
    unit: CadenceUnit,
}

/// The fields of [`Interval`], read as an object only on every road (see
/// [`crate::json::MapOnly`]): serde would read `[6, "weeks"]` positionally.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IntervalFields {
    every: u32,
    unit: CadenceUnit,
}

impl<'de> Deserialize<'de> for Interval {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let IntervalFields { every, unit } = IntervalFields::deserialize(crate::json::MapOnly(d))?;
        Ok(Interval { every, unit })
    }
}

/// The error for JSON that is neither a name nor an interval object.
fn not_a_cadence() -> String {
    format!(
        "expected a cadence: one of {} or {{\"every\": N, \"unit\": \"days|weeks|months|years\"}}",
        preset_names()
    )
}

fn preset_names() -> String {
    PRESETS.map(|(n, _)| n).join(", ")
}

impl CadenceRepr {
    /// The cadence, or why it is not one.
    fn into_cadence(self) -> Result<Cadence, String> {
        match self {
            CadenceRepr::Name(name) => PRESETS
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, c)| *c)
                .ok_or_else(|| {
                    format!(
                        "unknown cadence {name:?}; expected one of {} or an interval object",
                        preset_names()
                    )
                }),
            CadenceRepr::Interval(Interval { every: 0, .. }) => {
                Err("a cadence interval must be at least 1".to_string())
            }
            CadenceRepr::Interval(Interval { every, unit }) => Ok(Cadence::Every { every, unit }),
        }
    }
}

impl<'de> Deserialize<'de> for Cadence {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        CadenceRepr::deserialize(d)
            .map_err(|_| D::Error::custom(not_a_cadence()))?
            .into_cadence()
            .map_err(D::Error::custom)
    }
}

impl JsonSchema for Cadence {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Cadence".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let unit = generator.subschema_for::<CadenceUnit>();
        schemars::json_schema!({
            "description": "How often something recurs: a preset name or an interval.",
            "oneOf": [
                {"type": "string", "enum": PRESETS.map(|(n, _)| n)},
                {
                    "description": "A custom cadence: every `every` days, weeks, months or years.",
                    "type": "object",
                    "properties": {
                        "every": {"description": "How many units apart (at least 1).", "type": "integer", "minimum": 1},
                        "unit": unit
                    },
                    "required": ["every", "unit"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_and_intervals_round_trip() {
        for text in [
            r#""quarterly""#,
            r#""semi_annual""#,
            r#"{"every":5,"unit":"weeks"}"#,
        ] {
            let c: Cadence = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::to_string(&c).unwrap(), text);
        }
    }

    #[test]
    fn bad_cadences_explain_themselves() {
        let err = serde_json::from_str::<Cadence>(r#""fortnightly""#).unwrap_err();
        assert!(err.to_string().contains("unknown cadence \"fortnightly\""));
        let err = serde_json::from_str::<Cadence>(r#"{"every":0,"unit":"days"}"#).unwrap_err();
        assert!(err.to_string().contains("at least 1"));
    }
}
