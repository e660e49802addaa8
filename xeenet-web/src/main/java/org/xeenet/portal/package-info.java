/**
 * The researcher portal: Faces views (under {@code src/main/webapp}) and their backing beans.
 *
 * <p>{@code boundary} holds what the pages talk to: the session of a signed-in researcher, the
 * login filter and one backing bean per page, each calling the EJB boundaries ({@code Accounts},
 * {@code CampaignOrchestrator}, {@code DatasetCatalog}). {@code control} holds the plain rules of
 * presentation (parsing the search-space JSON of a brief, summarising a task's configuration,
 * progress and number formats, which lifecycle actions a status allows), unit-tested without a
 * container.
 */
package org.xeenet.portal;
