// OmegaT's fuzzy scores for a list of queries against a memory, computed by OmegaT's own classes (its tokenizers,
// LevenshteinDistance and FuzzyMatcher) the way its FindMatches does for an external TMX with default preferences:
// three scores per pair (stems without stop words or numbers; words without numbers, lower case; every token,
// lower case), a pair kept when the first or second reaches 30, the best five by the three scores in turn, earlier
// memory units first on ties. Used by scripts/compare-omegat.py; needs OmegaT's jar on the class path.
//
// Usage: java FuzzyScores LANG MEMORY_SOURCES QUERIES > out.tsv  (one text a line; prints query, rank, memory line
// (0-based), score, no-stem score, adjusted score)
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.omegat.core.matching.FuzzyMatcher;
import org.omegat.core.matching.LevenshteinDistance;
import org.omegat.tokenizer.DefaultTokenizer;
import org.omegat.tokenizer.ITokenizer;
import org.omegat.tokenizer.LuceneEnglishTokenizer;
import org.omegat.util.Token;

public class FuzzyScores {
    static final int THRESHOLD = 30;
    static final int MAX_MATCHES = 5;

    public static void main(String[] args) throws Exception {
        Locale locale = new Locale(args[0]);
        // What OmegaT picks for the language: English has a Lucene tokenizer; Ukrainian none in 3.6.
        ITokenizer tokenizer = args[0].equals("en") ? new LuceneEnglishTokenizer() : new DefaultTokenizer();
        List<String> memory = Files.readAllLines(Paths.get(args[1]));
        List<String> queries = Files.readAllLines(Paths.get(args[2]));
        LevenshteinDistance distance = new LevenshteinDistance();
        Token[][] stems = new Token[memory.size()][];
        Token[][] words = new Token[memory.size()][];
        Token[][] all = new Token[memory.size()][];
        for (int i = 0; i < memory.size(); i++) {
            String text = memory.get(i);
            stems[i] = tokenizer.tokenizeWords(text, ITokenizer.StemmingMode.MATCHING);
            words[i] = tokenizer.tokenizeWords(text.toLowerCase(locale), ITokenizer.StemmingMode.NONE);
            all[i] = tokenizer.tokenizeVerbatim(text.toLowerCase(locale));
        }
        StringBuilder out = new StringBuilder();
        for (int q = 0; q < queries.size(); q++) {
            String query = queries.get(q);
            Token[] queryStems = tokenizer.tokenizeWords(query, ITokenizer.StemmingMode.MATCHING);
            Token[] queryWords = tokenizer.tokenizeWords(query.toLowerCase(locale), ITokenizer.StemmingMode.NONE);
            Token[] queryAll = tokenizer.tokenizeVerbatim(query.toLowerCase(locale));
            List<int[]> best = new ArrayList<>();
            for (int i = 0; i < memory.size(); i++) {
                int score = FuzzyMatcher.calcSimilarity(distance, queryStems, stems[i]);
                int noStem = FuzzyMatcher.calcSimilarity(distance, queryWords, words[i]);
                if (score < THRESHOLD && noStem < THRESHOLD) {
                    continue;
                }
                int adjusted = FuzzyMatcher.calcSimilarity(distance, queryAll, all[i]);
                int position = 0;
                boolean duplicate = false;
                for (int k = 0; k < best.size(); k++) {
                    int[] kept = best.get(k);
                    if (memory.get(kept[0]).equals(memory.get(i))) {
                        duplicate = true;
                        break;
                    }
                    if (kept[1] < score || (kept[1] == score && (kept[2] < noStem
                            || (kept[2] == noStem && kept[3] < adjusted)))) {
                        break;
                    }
                    // OmegaT's tie rule: at 100, the text written exactly as the query comes first.
                    if (kept[1] == score && kept[2] == noStem && kept[3] == adjusted && score == 100
                            && !memory.get(kept[0]).equals(query) && memory.get(i).equals(query)) {
                        break;
                    }
                    position = k + 1;
                }
                if (duplicate || position >= MAX_MATCHES) {
                    continue;
                }
                best.add(position, new int[] {i, score, noStem, adjusted});
                if (best.size() > MAX_MATCHES) {
                    best.remove(best.size() - 1);
                }
            }
            for (int k = 0; k < best.size(); k++) {
                int[] kept = best.get(k);
                out.append(q).append('\t').append(k).append('\t').append(kept[0]).append('\t').append(kept[1])
                        .append('\t').append(kept[2]).append('\t').append(kept[3]).append('\n');
            }
        }
        System.out.print(out);
    }
}
