/**
 * The OpenAPI document at {@code /api/v1/openapi.json}: the full description of the product's API,
 * narrowed at run time to the routes this server really has, so it never promises a route that
 * is not mounted; routes missing from it are reported.
 */
package de.parkleit.dashboard.openapi;
