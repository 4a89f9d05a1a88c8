/**
 * Documents for a dossier: the layout of a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I)
 * that the evaluation record and the reports of the reporting calendar are both printed in. It knows nothing of
 * either, so both features use it without depending on each other.
 */
package vn.chuyenhoa.document;
