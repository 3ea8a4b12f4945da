//! `careerplan gap`, `rank`, `roles` and `import-resume`: the skill-gap engine.

use std::borrow::Cow;
use std::path::Path;

use chrono::NaiveDate;

use careerplan::plan::Plan;
use careerplan::skills::esco::{self, EscoOptions};
use careerplan::skills::files::{FilesError, NamedFiles};
use careerplan::skills::onet::{self, OnetOptions};
use careerplan::skills::render::{
    render_plan_gap_text, render_profile_coverage_text, render_ranking_text,
};
use careerplan::skills::resume::{ResumeOptions, profile_from_json_resume};
use careerplan::skills::{Catalog, GapOptions, RankOptions, RoleCatalog, plan_gap};

use crate::io::{
    Fatal, Format, Outcome, emit, eprintln_quiet, parse_date_arg, print_json, read_input,
    read_input_within, read_plan, today_or_now,
};

/// Where the roles come from: the built-in catalog, a catalog file, an
/// O*NET database directory or an ESCO download directory.
#[derive(clap::Args)]
pub struct CatalogArgs {
    /// A role catalog (JSON) instead of the built-in one.
    #[arg(long, conflicts_with_all = ["onet", "esco"])]
    catalog: Option<String>,
    /// An O*NET database directory (Skills.txt, Knowledge.txt, Occupation Data.txt).
    #[arg(long, conflicts_with = "esco")]
    onet: Option<String>,
    /// An ESCO CSV download directory (occupations_<lang>.csv, skills_<lang>.csv,
    /// occupationSkillRelations_<lang>.csv; the language is found from the names).
    #[arg(long)]
    esco: Option<String>,
}

/// ESCO's files are reference data, far larger than a plan: up to 256 MiB each.
const ESCO_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// A directory of data files for the core's imports. Reading files is the
/// CLI's job (each within `max_bytes`; O*NET 29.2's largest, Skills.txt and
/// Knowledge.txt, are about 5 MB); which files an import needs, and what
/// it does when one is missing, is the core's.
struct Directory<'a> {
    path: &'a str,
    max_bytes: u64,
}

impl NamedFiles for Directory<'_> {
    type Error = Fatal;

    fn read(&mut self, name: &str) -> Result<Option<String>, Fatal> {
        let path = Path::new(self.path).join(name);
        if !path.exists() {
            return Ok(None);
        }
        read_input_within(&path.to_string_lossy(), self.max_bytes).map(Some)
    }

    fn names(&mut self) -> Result<Vec<String>, Fatal> {
        let dir = self.path;
        let entries =
            std::fs::read_dir(dir).map_err(|e| Fatal::new(format!("{dir}: cannot read: {e}")))?;
        Ok(entries
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .collect())
    }
}

/// An import's failure as the CLI reports it: the directory first, then the
/// core's message and code.
fn import_error(dir: &str, err: FilesError<Fatal>) -> Fatal {
    match err {
        FilesError::Read(fatal) => fatal,
        FilesError::Missing(e) => Fatal::new(format!("{dir}: {} [{}]", e.message(), e.code())),
        FilesError::Invalid(e) => Fatal::new(format!("{dir}/{e} [{}]", e.code())),
    }
}

impl CatalogArgs {
    pub fn load(&self) -> Result<Cow<'static, Catalog>, Fatal> {
        if let Some(dir) = &self.esco {
            let mut files = Directory {
                path: dir,
                max_bytes: ESCO_MAX_BYTES,
            };
            let imported = esco::import_files(&mut files, &EscoOptions::default())
                .map_err(|e| import_error(dir, e))?;
            return Ok(Cow::Owned(Catalog::new(imported.catalog)));
        }
        if let Some(path) = &self.catalog {
            let text = read_input(path)?;
            let catalog = RoleCatalog::from_json(&text)
                .map_err(|e| Fatal::new(format!("{path}: {e} [{}]", e.code())))?;
            return Ok(Cow::Owned(Catalog::new(catalog)));
        }
        let Some(dir) = &self.onet else {
            return Ok(Cow::Borrowed(Catalog::builtin()));
        };
        let mut files = Directory {
            path: dir,
            max_bytes: careerplan::limits::Limits::default().max_input_bytes,
        };
        let imported = onet::import_files(&mut files, &OnetOptions::default(), true)
            .map_err(|e| import_error(dir, e))?;
        Ok(Cow::Owned(Catalog::new(imported.catalog)))
    }
}

#[derive(clap::Args)]
pub struct GapArgs {
    /// The plan document (JSON), or `-` for stdin.
    #[arg(long)]
    plan: String,
    /// Id of the target role (`careerplan roles` lists them).
    #[arg(long)]
    role: String,
    #[command(flatten)]
    catalog: CatalogArgs,
    /// Assessments are judged stale against this date (default: today).
    #[arg(long, value_parser = parse_date_arg)]
    today: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run_gap(args: &GapArgs) -> Result<Outcome, Fatal> {
    let plan: Plan = read_plan(&args.plan)?;
    let catalog = args.catalog.load()?;
    let role = catalog.role(&args.role)?;
    // The catalog's aliases (ESCO's alternative labels) match the profile's words.
    let options = GapOptions {
        today: Some(today_or_now(args.today)),
        aliases: catalog.aliases.clone(),
        scales: catalog.scales.clone(),
        ..GapOptions::default()
    };
    let report = plan_gap(&plan, role, &options)?;
    match args.format {
        Format::Text => emit(&render_plan_gap_text(&report))?,
        Format::Json => print_json(&report)?,
    }
    Ok(Outcome::Clean)
}

#[derive(clap::Args)]
pub struct RankArgs {
    /// The plan document (JSON), or `-` for stdin.
    #[arg(long)]
    plan: String,
    /// Show only the best N roles.
    #[arg(long)]
    top: Option<usize>,
    #[command(flatten)]
    catalog: CatalogArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run_rank(args: &RankArgs) -> Result<Outcome, Fatal> {
    let plan = read_plan(&args.plan)?;
    let catalog = args.catalog.load()?;
    let ranking = catalog.rank(&plan.profile, args.top, &RankOptions::default())?;
    // How much of the profile the catalog knows: a ranking on a small share
    // of it says little, and the user is told so on every format.
    let coverage = catalog.coverage(&plan.profile);
    if let Some(warning) = &coverage.warning {
        eprintln_quiet(&format!("careerplan: warning: {warning}"));
    }
    match args.format {
        Format::Text => {
            let mut text = render_ranking_text(&ranking);
            text.push_str(&render_profile_coverage_text(&coverage));
            emit(&text)?;
        }
        Format::Json => print_json(&ranking)?,
    }
    Ok(Outcome::Clean)
}

#[derive(clap::Args)]
pub struct RolesArgs {
    #[command(flatten)]
    catalog: CatalogArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run_roles(args: &RolesArgs) -> Result<Outcome, Fatal> {
    let catalog = args.catalog.load()?;
    match args.format {
        Format::Json => print_json(&catalog.roles)?,
        Format::Text => {
            let width = catalog.roles.iter().map(|r| r.id.len()).max().unwrap_or(0);
            // Role by role: a long O*NET list stops as soon as the reader does.
            for role in &catalog.roles {
                emit(&format!(
                    "{:width$}  {} ({} requirements)\n",
                    role.id,
                    role.title,
                    role.requirements.len()
                ))?;
            }
            if let Some(attribution) = &catalog.attribution {
                emit(&format!("\n{attribution}\n"))?;
            }
        }
    }
    Ok(Outcome::Clean)
}

#[derive(clap::Args)]
pub struct ImportResumeArgs {
    /// A JSON Resume document, or `-` for stdin.
    resume: String,
    /// Output format: the plan as JSON (default), or text listing what was left out.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

pub fn run_import_resume(args: &ImportResumeArgs) -> Result<Outcome, Fatal> {
    let text = read_input(&args.resume)?;
    let imported = profile_from_json_resume(&text, &ResumeOptions::default())?;
    // Unknown level words are reported, never guessed: on stderr, one line each.
    for issue in &imported.issues {
        eprintln_quiet(&format!("careerplan: warning: {issue}"));
    }
    let plan = imported.into_plan();
    match args.format {
        Format::Json => emit(&plan.to_json())?,
        Format::Text => emit(&careerplan::plan::outline::outline(&plan))?,
    }
    Ok(Outcome::Clean)
}
