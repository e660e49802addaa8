/**
 * Search spaces and samplers: what hyperparameters a template has, the ranges a brief may narrow,
 * and how a campaign's configurations are drawn from them reproducibly.
 */
package org.xeenet.search;
