/**
 * The portal for researchers and volunteers: Faces views (under {@code src/main/webapp}), their
 * backing beans, and the portal's own static script {@code resources/portal/charts.js}.
 *
 * <p>{@code boundary} holds what the pages talk to: the session of a signed-in researcher, the
 * login filter, one backing bean per page (campaign list, brief wizard, campaign, task, report,
 * workers and leaderboard), {@code PortalQueries} (the read-only queries the pages need in one go:
 * every valid configuration for the charts, a task with its attempts, the workers with their
 * credits, the task table sorted and filtered in SQL), {@code BriefEstimator} (the cost and ETA of
 * a brief before launch, also {@code POST /briefs/estimate}) and the servlets for the chart data,
 * the report download and the worker jar. {@code control} holds the plain rules of presentation
 * (the chart document, ETA, the task table's SQL, the list's filter and sort orders, the wizard's
 * steps and search-space rows, validation outcomes, worker status, parsing the search-space JSON,
 * summaries and formats), unit-tested without a container.
 */
package org.xeenet.portal;
