package nl.sociallearning.workstation.assessment.flow;

import nl.sociallearning.workstation.domain.assessment.AssessmentContext;
import nl.sociallearning.workstation.domain.assessment.Assessor;

import java.util.List;

/** What the Waarnemen step asks before an observation: the framework, the context and the assessors. */
public record NewAssessment(String frameworkCode, AssessmentContext context, List<Assessor> assessors) { }
