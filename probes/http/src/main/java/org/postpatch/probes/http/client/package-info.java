/** How the response is fetched: the run's shared JDK HttpClient, redirects, TLS and connection failures. */
package org.postpatch.probes.http.client;
