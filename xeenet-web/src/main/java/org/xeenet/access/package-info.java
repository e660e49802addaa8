/**
 * Who is calling the REST API: the bearer-token filters for the worker routes and the researcher
 * routes, and the caller principal the resources act for. No route of either group answers without
 * its credentials.
 */
package org.xeenet.access;
