package org.xeenet.access.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The v1 REST API. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "XeeNet API",
            version = "1",
            description =
                "Research campaigns on volunteer machines: workers lease tasks and report results;"
                    + " researchers submit briefs and follow their campaigns."))
public class RestApplication extends Application {}
