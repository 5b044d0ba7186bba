/** Real servers on loopback for the http kind's tests: plain, TLS with generated certificates, and one that never answers. */
package org.postpatch.probes.http.support;
