//! Shared generators for the careerplan benchmarks.
