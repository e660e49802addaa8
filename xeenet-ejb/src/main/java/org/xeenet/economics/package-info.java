/**
 * Economics: the double-entry credit ledger, metering of validated work, the researcher's budget
 * (estimate, hold in escrow, charge per validated result, refund at the end) and the leaderboard.
 * Every movement of credits is one transaction whose postings sum to zero; balances are sums of
 * postings and are never stored alone.
 */
package org.xeenet.economics;
