/** The HTTP status endpoint ({@code /selftest}): the last verdict for load balancers, Kubernetes, Prometheus and people. */
package org.postpatch.endpoint;
