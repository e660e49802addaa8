package org.xeenet.assistant.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.xeenet.access.boundary.ResearcherCaller;
import org.xeenet.access.control.Caller;
import org.xeenet.api.AssistantAnswer;
import org.xeenet.api.AssistantQuestion;

/**
 * The built-in research assistant: {@code {question, campaign_id?}} → {@code {answer, details}},
 * answered from the caller's campaign (404 when it is not theirs).
 */
@Path("assistant")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ResearcherCaller
public class AssistantResource {
  @EJB Assistant assistant;

  @POST
  public AssistantAnswer ask(AssistantQuestion question, @Context SecurityContext security) {
    return assistant.ask(question, Caller.of(security).id());
  }
}
