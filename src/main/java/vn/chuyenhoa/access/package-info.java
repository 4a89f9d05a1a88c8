/**
 * Who may do what: accounts with roles and provinces, form login with sessions for people, bearer tokens for systems,
 * and the one table of which role reaches which endpoint ({@link AccessConfig}).
 */
package vn.chuyenhoa.access;
