/** Rendering the fleet view: text for the terminal, JSON for pipelines and the dashboard's API, CSV for slides, HTML for the dashboard. */
package org.postpatch.fleet.render;
