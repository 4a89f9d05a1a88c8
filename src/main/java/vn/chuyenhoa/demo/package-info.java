/**
 * Demo data sets, loaded once into an empty store by a flag ({@code --chuyenhoa.demo=dien-bien}), never by default:
 * each one drives real areas through the real services (stored evaluations, recorded steps), so every figure a
 * newcomer sees is computed, not written down.
 */
package vn.chuyenhoa.demo;
