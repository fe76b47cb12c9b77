/**
 * Planner and operator login: users and roles from configuration with PBKDF2 password hashes,
 * stateless signed session tokens (JWT in an HttpOnly cookie or a Bearer header) and the role
 * checks that answer 401/403 problem JSON.
 */
package de.parkleit.dashboard.auth;
