package org.xeenet.assistant.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.xeenet.api.AssistantAnswer;
import org.xeenet.api.AssistantQuestion;
import org.xeenet.assistant.control.ResearchAssistant;
import org.xeenet.problem.RejectedInputException;
import org.xeenet.report.boundary.CampaignReports;

/** The research assistant agent: answers a researcher's question from their campaign's data. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Assistant {
  public static final int MAX_QUESTION = 2000;

  @EJB CampaignReports reports;

  public AssistantAnswer ask(AssistantQuestion question, String callerId) {
    if (question == null || question.question() == null || question.question().isBlank()) {
      throw new RejectedInputException("question", "must not be blank");
    }
    if (question.question().length() > MAX_QUESTION) {
      throw new RejectedInputException(
          "question", "must be at most " + MAX_QUESTION + " characters");
    }
    String campaignId = question.campaignId();
    return ResearchAssistant.answer(
        question.question(),
        campaignId == null || campaignId.isBlank() ? null : reports.facts(campaignId, callerId));
  }
}
