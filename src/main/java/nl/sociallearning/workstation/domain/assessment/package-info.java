/**
 * The vocabulary of WACKER assessments: frameworks of criteria with their scale and rules, and an assessment's
 * records (context, notes, links, levels, locks, agreed levels, report, signatures, audit entries). Plain records,
 * so the cache can store them and the assessment flow can reason about them without knowing either.
 */
package nl.sociallearning.workstation.domain.assessment;
