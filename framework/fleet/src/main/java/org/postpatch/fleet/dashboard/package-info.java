/** The dashboard: a server-agnostic handler (request in, response out) with the page and the JSON API, and the adapter that serves it. */
package org.postpatch.fleet.dashboard;
