/*
 * touchpoint's built-in English cue lexicon.
 *
 * Written by hand from general knowledge of English and of customer-service language (the seeds'
 * descriptions of questions, complaints, suggestions, praise and the eight scenarios), in the
 * manner of VADER's lexicon (Hutto & Gilbert 2014): valences on a −4…+4 scale, with negation,
 * intensifiers and contrast handled by rules rather than by listing phrases. No entry was copied
 * or mined from any evaluation set. Phrases are matched token by token after the same tokenisation
 * as the text (lower case, straight apostrophes), longest match first.
 */
import type { CueKind } from "./lexicon.js";
import { scenarioCues } from "./scenario-cues.js";

const words = (list: string, weight: number): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const w of list.split("|")) {
    const t = w.trim();
    if (t) out[t] = weight;
  }
  return out;
};

/** The core English cues, by kind: phrase → weight (see `englishCues` for the whole lexicon). */
const coreCues: { readonly [K in CueKind]?: Readonly<Record<string, number>> } = {
  positive: {
    ...words(
      "good|nice|fine|helpful|useful|easy|fast|quick|smooth|reliable|friendly|polite|kind|clean|handy|solid|pleased|glad|happy|satisfied|comfortable|convenient|intuitive|simple|enjoy|enjoyed|enjoying|like|liked|likes|works great|well done|pleasant|cool|neat|efficient|responsive|professional|courteous|patient|knowledgeable|recommend|recommended|worth it|value for money|improved|better|spacious|tasty|delicious|cozy|cosy|charming|welcoming|attentive|beautiful|lovely|sweet|fun|impressed|impressive|stylish|elegant|affordable|reasonable|accurate|stable|powerful|seamless|effortless|thoughtful|generous",
      1.6,
    ),
    ...words(
      "great|excellent|amazing|awesome|fantastic|wonderful|brilliant|superb|outstanding|perfect|love|loved|loving|loves|adore|best|favourite|favorite|incredible|exceptional|terrific|stellar|flawless|delighted|thrilled|marvelous|marvellous|phenomenal|top notch|first class|spotless|gorgeous|exceeded my expectations|5 stars|five stars|10/10|a lifesaver|lifesaver|kudos|bravo|well worth",
      2.8,
    ),
    ...words(":)|😀|😃|😄|😁|😊|😍|🥰|😘|👍|👏|🙌|❤|💕|💖|💯|🎉|⭐|✨|🙂|😎|🤩|♥|☺", 1.8),
    ...words(
      "decent|okay|ok|fair|adequate|acceptable|modern|trendy|spacious|bright|quiet|peaceful|relaxing|relaxed|calm|fresh|tidy|immaculate|well kept|well maintained|well located|central|centrally located|close to|walking distance|cosy|warm|caring|accommodating|obliging|prompt|punctual|on time|swift|speedy|snappy|slick|sleek|polished|refined|classy|luxurious|lush|plush|comfy|roomy|airy|scenic|picturesque|tranquil|popular|idyllic|romantic|memorable|unforgettable|enjoyable|entertaining|engaging|addictive|addicting|rewarding|satisfying|refreshing|uplifting|inspiring|creative|clever|smart|innovative|versatile|flexible|customizable|customisable|lightweight|sturdy|durable|robust|secure|safe|trustworthy|honest|transparent|fair price|good value|great value|bargain|free|worthwhile|valuable|beneficial|handy|practical|functional|works well|working well|works perfectly|no problems|no issues|no complaints|nothing to complain|hassle free|hassle-free|trouble free|trouble-free|user friendly|user-friendly|easy to use|well designed|well-designed|well made|well-made|love it|loving it|like it|happy with|pleased with|satisfied with|impressed with|glad i|treat|gem|hidden gem|winner|champion|hero|star|superstar|legend|legendary|genius|magic|magical|heaven|heavenly|paradise|dream|joy|pleasure|delight|delightful|charm|beauty|fun to use|a breeze|breeze|wow|yay|woohoo|hooray|congrats|congratulations|welcome|recommend it|highly recommend|would recommend|must have|must-have|must see|must-see|worth every penny|well worth it|value|quality|high quality|top quality|premium quality|improvement|upgrade",
      1.4,
    ),
    ...words(
      "will be back|will definitely be back|would stay again|will stay again|would come back|will come back|would go back|will go back|can't wait to go back|can't wait to come back|no worries|no rush|no hurry",
      1.4,
    ),
    ...words(
      "went out of his way|went out of her way|went out of their way|went out of the way|goes out of his way|goes out of her way|go out of their way|going out of their way|fabulous|splendid|sublime|magnificent|exquisite|divine|glorious|epic|wicked|godlike|stunning|breathtaking|spectacular|extraordinary|remarkable|sensational|impeccable|faultless|perfectly|beautifully|wonderfully|brilliantly|amazingly|excellently|greatly|best ever|the best|love love love|masterpiece|second to none|above and beyond|went above and beyond|goes above and beyond|over the moon|blown away|highly recommended|cannot recommend enough|can't recommend enough|could not be happier|couldn't be happier|could not have asked for more|couldn't ask for more|nothing but praise",
      2.6,
    ),
    ...words("i'd recommend|we'd recommend", 1.6),
    ...words("i would recommend|we would recommend", 1.4),
    // A want, not liking: "we'd like a demo" is no praise (the longer match keeps "like" from counting).
    ...words("'d like|would like|'d like to|would like to", -0.01),
  },
  negative: {
    ...words(
      "bad|poor|slow|delayed|wrong|annoying|annoyed|unhappy|upset|sad|difficult|confusing|complicated|expensive|overpriced|rude|unhelpful|useless|worse|dirty|noisy|outdated|ugly|clunky|buggy|unreliable|unstable|laggy|sluggish|cumbersome|inconvenient|mediocre|disappointing|disappointed|disappointment|dissatisfied|unsatisfied|unprofessional|incompetent|careless|misleading|hate|hated|hates|dislike|sucks|sucked|suck|problem|problems|issue|issues|fail|fails|failed|failure|mess|messed|unacceptable|ridiculous|frustrating|frustrated|angry|mad|furious|shame|shameful|pathetic|lousy|crap|crappy|rubbish|garbage|junk|nightmare|waste|wasted|scam|ripoff|rip off|ripped off|cheated|lied|lies|liar|ignored|ignoring|stupid|joke|smh|ugh|argh|meh|sigh|worried|concerned|anxious|scared|afraid|sorry to say|never again|not impressed|no help|damaged|defective|faulty|missing|stuck|nothappy|notimpressed|neveragain|epicfail|fail|badservice|poorservice|worstservice|notcool|expired|stale|rotten|moldy|mouldy|spoiled|defect|defects",
      1.8,
    ),
    ...words(
      "unimpressed|underwhelmed|underwhelming|unimpressive|impolite|nasty|embarrassed|embarrassing|extortion|bullying|harassing|harassment|fleeced|scammed|scamming|robbed|horrid|vile|gross|inexcusable|laughable|shambles|bummer|disrespected|neglected|negligent|negligence|misinformed|misled|lying|dishonest|deceptive|deceived|crooks|crooked|thieves|thief|stealing|overcharging|inefficient|ineffective|unwatchable|unplayable|disturbing|creepy|gutted|devastated|heartbroken|sucky|grr|grrr|yuck|irritated|irritating|appalled|ashamed|not amused|fed up|sick and tired|had enough|last straw|enough is enough",
      1.8,
    ),
    ...words(
      "terrible|horrible|awful|worst|disgusting|appalling|atrocious|dreadful|abysmal|horrendous|shocking|outrageous|disgraceful|disgusted|livid|fuming|infuriating|infuriated|hopeless|incompetence|fraud|zero stars|0 stars|1 star|one star|avoid|beware|pissed|wtf|fml",
      2.8,
    ),
    ...words(":(|:/|😠|😡|🤬|😤|👎|😞|😢|😭|😩|😫|😒|🙄|😔|☹|💩|😖|😣", 1.8),
    ...words(
      "racist|sexist|idiots|idiot|morons|clowns|shit|shitty|bullshit|dull|boring|bland|tasteless|chaotic|messy|musty|smelly|stinky|stinks|smells|moldy|filthy|grimy|dusty|sticky|greasy|worn|worn out|shabby|tired|dated|run down|rundown|cramped|tiny|crowded|overcrowded|loud|uncomfortable|unclean|unsafe|dangerous|unpleasant|unfriendly|unwelcoming|cold|hostile|arrogant|condescending|dismissive|lazy|clueless|slowest|sloppy|inaccurate|incorrect|invalid|inconsistent|unusable|unreadable|unresponsive|unavailable|inaccessible|limited|lacking|insufficient|inadequate|subpar|sub par|below average|average at best|overrated|overpriced|pricey|costly|cheap|cheaply made|flimsy|fragile|noisy|distracting|intrusive|invasive|spammy|spam|ads|too many ads|bloated|heavy|slower|harder|downgrade|regression|step backwards|step back|offensive|insulting|disrespectful|unfair|unreasonable|unjust|greedy|shady|sketchy|dodgy|suspicious|fake|bogus|pointless|meaningless|senseless|nonsense|absurd|silly|lame|weak|poorly|badly|wrongly|sadly|unfortunately|regret|regrets|regretted|complain|complaint|complaints|complaining|downside|downsides|drawback|drawbacks|negative|negatives|the only negative|the only downside|the only bad thing|the only problem|the only issue|the only complaint|letdown|let down|let me down|not worth|not worth it|waste of money|disaster|disastrous|catastrophe|fiasco|chaos|hassle|pain|headache|annoyance|inconvenience|trouble|struggle|struggling|suffer|suffered|suffering|mourn|nightmare|hell|torture|misery|miserable|unbearable|intolerable|annoys|irritates|bothers|worried about|not good|no good|not great|not the best|not ideal|far from",
      1.5,
    ),
    ...words("more expensive", 1.8),
    ...words(
      "costs too much|cost too much|too expensive|way too expensive|too pricey|too costly|costs a fortune|not worth the price|not worth the money|can't afford|cannot afford|too high",
      1.8,
    ),
  },
  problem: {
    ...words(
      "broken|broke|breaks|crash|crashes|crashed|crashing|freeze|freezes|froze|frozen|freezing|hang|hangs|bug|bugs|glitch|glitches|error|errors|outage|not working|doesn't work|does not work|don't work|didn't work|did not work|isn't working|is not working|won't work|stopped working|stop working|won't load|doesn't load|not loading|can't log in|cannot log in|can't login|can't access|cannot access|unable to|not able to|keeps crashing|keeps failing|keep getting|kept getting|never arrived|never received|never got|hasn't arrived|haven't received|have not received|didn't receive|did not receive|not received|not delivered|wasn't delivered|charged twice|double charged|overcharged|charged me|cancelled my|canceled my|wrong item|wrong order|missing item|out of stock|hung up|been waiting|too late|arrived late|came late|running late|always late|days now|weeks now|too long|takes forever|took forever|disconnecting|disconnects|drained|leaking|leak|cracked|declined|locked out|disappeared|vanished|lost my|no longer|anymore|can't find|cannot find|can't get|cannot get|couldn't get|won't let me|doesn't let me|does not let me|not showing|not showing up|doesn't show|does not show|not responding|stopped responding|turns off|shuts down|shut down on me|keeps|kept|please help|need help|help me|help!|are you kidding|kidding me|what gives|what's going on|what is going on|what happened to|what's wrong with|what is wrong with|what is the problem|what's the problem|never called|hasn't called|put on hold|on hold for|transferred|can't get anyone|couldn't get anyone|no one to help|nobody to help|fell apart|falling apart|coming apart|came apart|torn|ripped|scratched|dented|stained|faded|shrunk|wrong size|doesn't fit|does not fit|not as described|not as pictured|counterfeit|hole in|holes in|for # hours|for # days|for # weeks|for # months|over # hours|over # days|over # weeks|over # months|an hour|all day|all week|still charging|charged|billed|cut off|disconnected|not fixed|not resolved|never resolved|unresolved|not refunded|no refund|misleading|false advertising|did not resolve|didn't resolve|didn't fix|did not fix|didn't help|did not help|doesn't help|didn't answer|not helpful|isn't helpful|wasn't helpful|not letting me|isn't letting me|won't take|won't accept|doesn't accept|not accepting|can't believe|cannot believe|worthless|unorganized|disorganized|no respect|waste of time|what's the point|what is the point|is there a reason|takes longer|laggy|stutters|unpleasant|keep going|keeps going|keep failing|keep dropping|keeps dropping|keep happening|no way to|impossible to|never stay|never go back|never come back|never return|will never|won't be returning|won't return|would not recommend|wouldn't recommend|do not recommend|don't recommend|not recommend|stay away|don't bother|do not bother|had to wait|had to ask|had to call|i had to|we had to|no hot water|no wifi|no wi-fi|no signal|no service|no power|power is out|power outage|refused|denied|was told|were told|i was told|got told|was promised|were promised|promised me|supposed to|should have been|should've been|should have arrived|was meant to|were meant to|never showed|didn't show up|did not show up|no show|no-show|expected better|expect better|for the price|at this price|what a shame|such a shame",
      1.0,
    ),
    ...words(
      "refund|down|waiting|waited|hours|dropped|blocked|locked|deleted|rejected|on hold|lost|help|why is|why are|why does|why do|why did|why can't|why won't|why isn't|why aren't|why doesn't|why didn't|why would|how come",
      0.5,
    ),
    ...words(
      "worst service|worst customer service|terrible service|poor service|bad service|customer service is|not acceptable|not happy|sort it out|sort this out|fix this|fix it|do better|get it together|explain why|how is this acceptable|is this a joke|you have got to be kidding|what a joke|thanks for nothing|so much for",
      1.6,
    ),
    // A service that is down, and the wrong thing delivered ("I ordered a blue one but received a
    // red one").
    ...words(
      "is down|are down|was down|were down|is down again|site is down|website is down|app is down|server is down|system is down|service is down|down again|been down|keeps going down|site down|website down|app down|server down|servers down|service down|but received|but i received|but we received|but got|but i got|but we got|but it arrived|instead i received|instead i got|instead we received|received a different|sent me the wrong|sent us the wrong|sent the wrong|delivered the wrong|got the wrong",
      1.0,
    ),
    // Failures of things and services, described as events ("the screen went out", "it keeps
    // restarting", "my parcel went missing").
    ...words(
      "went out|goes out|gone out|went off|goes off|gone off|went down|goes down|gone down|cut out|cuts out|cutting out|died|dies|died on me|broke down|broken down|fell off|came off|came loose|falling off|overheating|overheats|overheated|keeps restarting|restarting|keeps rebooting|rebooting|flickering|flickers|distorted|lagging|lags|malfunction|malfunctioning|malfunctions|glitching|glitchy|blue screen|went offline|goes offline|error message|error code|fails to|failed to|failing to|refuses to|refused to|keeps saying|keeps telling me|gone missing|went missing|got lost|never came|never turned up|didn't turn up|did not turn up|turned up late|arrived damaged|arrived broken|came broken|came damaged|arrived opened|half empty|got cancelled|got canceled|was cancelled|was canceled|been cancelled|been canceled|hung up on|left on hold|placed on hold|kept on hold|kept waiting|keep waiting|nothing yet|yet to|no sign of|not yet|took my money|kept me waiting|does nothing|did nothing|nothing happens|nothing happened",
      1.0,
    ),
    // Contacting again and again, and waiting: the customer has already spent effort or time.
    ...words(
      "for # minutes|over an hour|over # hours|almost # weeks|nearly # weeks|almost # days|nearly # days|almost # months|nearly # months|past # days|past # weeks|past # hours|last # days|last # weeks|been # days|been # weeks|been # months|been # hours|been # minutes|hold music|on the phone for",
      1.0,
    ),
    ...words(
      "# hours|# days|# weeks|# months|# min|# mins|# minutes|# hrs|every day|all the time|constantly|continually|stopped",
      0.5,
    ),
    // Rhetorical and exasperated questions, and sarcasm markers.
    ...words(
      "what's up with|what is up with|what's the deal|what is the deal|what's the holdup|what's taking so long|why is it taking|taking so long|taking forever|is this how you|is this what you|how hard is it|how difficult is it|is it too much to ask|how is it that|how is that acceptable|how is this possible|really ?|seriously ?|are you serious|are you joking|come on|what now|now what|sarcasm|sarcastic|yeah right|oh joy|oh great|just great|just what i needed",
      1.0,
    ),
    // Blame addressed to the company, and the threat of taking one's business elsewhere.
    ...words(
      ["you", "you guys", "u", "y'all"]
        .flatMap((who) =>
          "lost|ruined|broke|cancelled|canceled|overcharged|ignored|messed up|screwed up|failed|forgot|fleeced|scammed|cheated|robbed|misled|lied|refused|denied|hung up|promised|stole|keep sending|keep charging|keep calling"
            .split("|")
            .map((verb) => `${who} ${verb}`),
        )
        .join("|"),
      1.0,
    ),
    ...words(
      "last time i|the last time i|lose my business|lost my business|losing my business|lost a customer|losing a customer|lose a customer|lost me as a customer|take my business|taking my business|never buying|never buy from|never ordering|never order from|never using|never use you|never shopping|never flying|never fly with|never staying|will never use|will never buy|won't be using|won't be buying|won't be ordering|not coming back|i'm done with|find another|going elsewhere",
      1.0,
    ),
    ...words(
      "went up|gone up|goes up|going up|keeps going up|price increase|price hike|price rise|raised the price|raised prices|raised your prices|increased the price|more expensive|charging more|doubled the price",
      1.0,
    ),
  },
  // Repeated contact, repeated failure and being ignored: a problem report, and in a complaint the
  // frustration of seed 000 (analyze.ts raises the signal only when the message complains).
  repetition: {
    ...words(
      "still waiting|still not|still haven't|still no|still hasn't|still broken|still not fixed|never fixed|no response|no reply|no answer|no one|nobody|late again|yet again|every time|each time|keeps happening|no call back|no callback|never called back|never heard back|haven't heard back|not heard back|still haven't heard|unanswered|went unanswered|# times|delayed again|down again|broken again|not again|happened again|happening again|same problem|same issue|still happening|still the same|still nothing|already contacted|already called|already emailed|already sent|already tried|already asked|already reported|already told|already complained|already explained|already spoken|already written|i've already|i have already|we've already|we have already|several times|multiple times|many times|countless times|numerous times|so many times|too many times|times now|second time|third time|fourth time|fifth time|not the first time|isn't the first time|trying to reach|trying to get through|tried calling|tried to call|tried to contact|been trying|keep trying|kept trying|wrote before|written before|asked before|reported before|keeps coming back",
      1.0,
    ),
    ...words("again|still|repeatedly|chasing|any update|any updates|ignored|ignoring", 0.5),
  },
  suggestion: {
    ...words(
      "it would be great if|it would be nice if|it would be good if|it would be helpful if|it would be awesome if|would be great if|would be nice if|would be good if|would be helpful if|would be useful if|would be awesome if|would be great to|would be nice to|would be good to|would be helpful to|would be useful to|would love to see|would like to see|i'd like to see|i'd love to see|i would like|i'd like|i would love|i'd love|we would like|we need|i wish|we wish|wish there was|wish there were|wish it|wish you|please add|please allow|please make|please provide|please include|please support|please consider|please bring|please enable|please let|please give|please fix|please improve|please implement|please update|please remove|please change|please keep|please create|please offer|please stop|please put|please do|please have|should add|should allow|should have|should be|should make|should let|should offer|should provide|should include|should support|should consider|should really|should also|should bring|should give|shouldn't|should not|ought to|needs to be|need to be|needs to have|need to have|needs to|need a way|needs a way|need an option|need the ability|be able to|the ability to|an option to|option to|a way to|allow us|allow me|allow users|allow the user|let us|let me|let users|make it possible|add support|add an option|add a|support for|feature request|my suggestion|i suggest|i'd suggest|i would suggest|i recommend that|i propose|suggestion|suggest|how about|what about adding|why not|why don't you|why can't you|why not just|any plans to|any plan to|are there plans|is there any plan|will there be|will you add|can you add|could you add|can you make|could you make|can you please add|could you please add|could you please make|can we have|can we get|could we have|could we get|it'd be nice|it'd be great|consider adding|consider making|instead of|rather than|would help|would make|would be better|would improve|it'll be nice|hope you add|hope you will|hopefully you|in the future|in future|next version|next update|future version|future release|add the ability|bring back|give us|give the option|should be able to",
      1.6,
    ),
    ...words("my suggestion is|my suggestion would be|we'd suggest|we would suggest", 1.6),
  },
  imperative: {
    // Verbs that open a request when they start a clause ("Add a dark mode.", "Please allow ...", and
    // the requests to put something right, a complaint beside a problem report: "I was billed twice.
    // Refund the second charge.").
    ...words(
      "add|allow|make|provide|include|support|enable|let|give|consider|improve|implement|bring|create|offer|introduce|update|extend|expose|integrate|change|remove|increase|reduce|keep|stop|put|open|show|hide|display|use|move|rename|merge|publish|release|expand|unify|simplify|standardize|standardise|document|fix|try|go|book|ask|avoid|get|check|visit|request|contact|call|take|refund|resolve|repair|reverse|undo|restore|replace|reimburse|investigate|escalate|unblock|unlock|reactivate|reinstate",
      1.2,
    ),
  },
  question: {
    ...words(
      "any idea|any ideas|anyone know|does anyone|does anybody|is there a way|is there any way|is it possible|is there an option|how do i|how can i|how do you|how to|where can i|where do i|where is|where are|when will|when is|when does|when can|what is|what are|what's|which one|which is|who do i|who can|can i|could i|may i|do you|does it|does this|is it|is this|are you|are there|is there|will it|will you|would you|can you|could you|have you|did you|wondering|i wonder|i was wondering|just wondering|need to know|want to know|would like to know|like to know|let me know|please advise|please confirm|please tell me|can someone|could someone|help me understand|how much|how long|how many|what time|what if",
      1.0,
    ),
    ...words(
      "not sure where|not sure how|not sure what|not sure which|unsure how|unsure where|unsure what|unsure which|don't know how|don't know where|don't know what|don't know which|do not know how|do not know where|do not know what|no idea how|no idea where|no idea what|can't figure out|cannot figure out|couldn't figure out|where to start|where do i start|where should i start",
      1.0,
    ),
    ...words(
      "what does it mean|what do they mean|what do these mean|what do those mean|what is meant by|what's meant by|would you prefer|would you rather|would you like me to|do you prefer|i don't know how|i don't know where|i don't know what|i do not know how|i do not know where|i do not know what",
      1.0,
    ),
    // Saying one does not understand asks for an explanation ("I don't understand what X does.").
    ...words(
      "don't understand|do not understand|didn't understand|can't understand|cannot understand|doesn't make sense|does not make sense|makes no sense|don't get what|don't get how|don't get why",
      1.0,
    ),
  },
  negator: {
    ...words(
      "not|no|never|none|nothing|nobody|neither|nor|without|cannot|can't|cant|don't|dont|doesn't|doesnt|didn't|didnt|isn't|isnt|wasn't|wasnt|aren't|arent|weren't|werent|won't|wont|wouldn't|wouldnt|shouldn't|shouldnt|couldn't|couldnt|haven't|havent|hasn't|hasnt|hadn't|hadnt|ain't|lack|lacks|lacking|hardly|barely|rarely|seldom|n't",
      1,
    ),
  },
  intensifier: {
    ...words(
      "very|really|so|too|extremely|super|totally|absolutely|completely|incredibly|truly|highly|utterly|seriously|insanely|terribly|awfully|deeply|especially|exceptionally|particularly|quite|most|way|such|freaking|fucking|damn|bloody|ever|literally|all|much|more|definitely|entirely|thoroughly|massively|hugely",
      0.3,
    ),
  },
  diminisher: {
    ...words(
      "slightly|somewhat|a bit|a little|kind of|kinda|sort of|sorta|fairly|marginally|partly|partially|barely|almost|mostly|relatively|reasonably|pretty much|a tad",
      0.5,
    ),
  },
  contrast: {
    ...words(
      "but|however|although|though|yet|except|unfortunately|sadly|nevertheless|nonetheless|whereas|still",
      1,
    ),
  },
  modal: {
    // Irrealis: a positive word in the scope of these is a wish, not praise ("it would be great").
    ...words("would|could|'d|wish|hope|hoping|might|should|if only|would've|could've", 1),
  },
  urgency: {
    ...words(
      "urgent|urgently|asap|as soon as possible|immediately|right now|right away|emergency|critical|time sensitive|time-sensitive|by tomorrow|deadline|hurry|at once|straight away|without delay|can't wait|cannot wait|need it now|need this now|need help now|need help asap|as a matter of urgency|high priority|top priority|urgent priority|as a priority|treat this as a priority|losing money|losing customers|production is down|site is down|is down|are down|outage|blocked",
      1.5,
    ),
    // A day alone is a date, not a hurry ("I got it today"); needing something by then is.
    ...words(
      "need it by|need this by|need them by|needed by|must arrive by|has to arrive by|have to have it by|need it before|need this before|need it today|need this today|need them today|needed today|need it by today|need it tonight|need this tonight|by today|by tonight|by end of day|by the end of the day|by eod|end of day|today please|today if possible|before tonight|fixed today|sorted today|resolved today|done today|today or|this morning please|within the hour|within an hour",
      1.5,
    ),
    ...words(
      "as quickly as possible|as quick as possible|quickly please|please quickly|need it quickly|need this quickly|need help quickly|fix it quickly|fix this quickly|resolve this quickly|reply quickly|respond quickly",
      1.5,
    ),
    // A day or a word of speed alone is a date or a manner, not a hurry ("I got it today",
    // "I quickly checked", "your priority support plan").
    ...words("today|tonight|quickly|priority", 0.3),
  },
  frustration: {
    ...words(
      "frustrated|frustrating|frustration|fed up|sick of|tired of|annoyed|annoying|irritated|irritating|angry|mad|furious|livid|fuming|pissed|outraged|outrageous|ridiculous|unacceptable|disgusted|disgraceful|appalled|appalling|infuriating|infuriated|fed-up|had enough|last straw|enough is enough|fuck|fucking|wtf|ffs|seriously|for the third time|for the second time|once again|yet again|again and again|over and over|every single time|still waiting|still not|no one cares|nobody cares|nobody helps|no one helps|useless|pathetic|worst|terrible|horrible|awful|hate|rant|never again|waste of time|waste of money|joke|😠|😡|🤬|😤|😩|😫|🙄",
      1.4,
    ),
    // Disappointment voiced: a let-down is the unhappy customer's feeling too ("What a pity.").
    ...words(
      "disappointed|disappointing|disappointment|what a pity|what a shame|such a shame|such a pity|too bad|a real shame|let down|very sad|so sad",
      1.0,
    ),
  },
  confusion: {
    ...words(
      "confused|confusing|confusion|don't understand|do not understand|didn't understand|can't understand|cannot understand|unsure|unclear|no idea|not clear|puzzled|baffled|makes no sense|doesn't make sense|does not make sense|what does this mean|what does that mean|what do you mean|can't find|cannot find|couldn't find|could not find|how am i supposed to|am i missing something|what am i doing wrong|what should i do|i don't know how|don't know how|don't know what|don't know where|don't know why|help me understand|🤔|😕|😵",
      1.4,
    ),
    ...words(
      "can't figure out|cannot figure out|couldn't figure out|could not figure out|can't work out|cannot work out|trying to figure out|not sure what|not sure where|not sure how|not sure which|not sure why|unsure how|unsure what|unsure where|unsure which|make no sense|made no sense|doesn't make any sense|does not make any sense|don't get it|i don't get|don't get how|don't get why|don't get what|i'm lost|i am lost|so lost|totally lost|completely lost|a bit lost|a little lost|bit lost|kind of lost|feel lost|feeling lost|what does it mean|what do they mean|what do these mean|what do those mean|what is meant by|what's meant by|meaning of|not clear to me|i'm not following|not following",
      1.4,
    ),
    ...words(
      "not sure|explain|clarify|clarification|how does this work|how does it work|which one should",
      0.6,
    ),
    ...words(
      "no idea how|no idea what|no idea where|do not know how|do not know what|do not know where|don't know which",
      1.4,
    ),
  },
  gratitude: {
    ...words(
      "thank|thanking|appreciate|appreciative|gratitude|thanks|thank you|thank u|thankyou|thx|ty|tysm|many thanks|thanks a lot|thank you so much|thanks so much|much appreciated|appreciate it|appreciated|i appreciate|we appreciate|grateful|cheers|🙏|kudos|shout out|shoutout",
      1.5,
    ),
    ...words(
      "thanks for chatting|thank you for chatting|thanks again|thank you again|thx again|many thanks again",
      1.5,
    ),
  },
  politeness: {
    // Gratitude said before any help is given is politeness, not praise.
    ...words(
      "thanks in advance|thank you in advance|thanks in adv|tia|thanks for any help|thanks for your help in advance|please|kindly|if possible|would appreciate|i would appreciate|i'd appreciate",
      1,
    ),
  },
  "purchase-intent": {
    ...words(
      "like a demo|want a demo|need a demo|get a demo|see a demo|like a quote|want a quote|want to buy|looking to buy|planning to buy|thinking of buying|thinking about buying|ready to buy|interested in buying|would like to buy|would like to order|want to order|like to order|want to upgrade|would like to upgrade|how do i buy|how can i buy|where can i buy|where do i buy|can i buy|can i order|can i purchase|how much is|how much does|how much do|how much for|how much would|get a quote|request a quote|send me a quote|book a demo|request a demo|schedule a demo|free trial|start a trial|sign up for|pricing|price list|do you sell|do you have|do you stock|do you offer|in stock|back in stock|bulk order|volume discount|discount for|upgrade to|subscribe to|interested in|add to cart|place an order|pre-order|preorder|enterprise plan|pro plan|business plan|team plan",
      1.2,
    ),
    ...words(
      "buy|buying|purchase|purchasing|order|ordering|subscribe|upgrade|quote|price|prices|cost|plans|discount|promo|coupon|checkout|trial|demo|license|licence|premium|availability|available",
      0.4,
    ),
    // what the customer already has is not an intent to buy: these phrases outweigh the words above
    ...words(
      "my order|my orders|my purchase|my subscription|my plan|my upgrade|my trial|my license|my licence|the order|our order|this order|that order|order number|order #|order no",
      -0.4,
    ),
  },
  comparison: {
    ...words(
      "compared to|compared with|comparison|compare|comparing|versus|vs|vs.|alternative|alternatives|competitor|competitors|other brands|other companies|switch from|switching from|switched from|switch providers|switching providers|switch provider|switch to another|switching to another|switched to another|switch to a different|better than|worse than|cheaper than|or should i|which is better|which one is better|pros and cons|other options|shopping around|evaluating|on the fence|deciding between",
      1.2,
    ),
    ...words(
      "other tools|other providers|other vendors|other apps|other platforms|other services|other products|other solutions|another provider|another vendor|another tool|another company|another service|another app|cheaper elsewhere|the competition|than yours|compared to yours|your competitor|your competitors|rival|rivals",
      1.2,
    ),
    ...words("cheaper|considering|difference between|differences between|elsewhere", 0.6),
    // "switch to dark mode", "switch to annual billing": a setting or a plan, unless a rival is named.
    ...words("switch to|switching to|switched to", 0.3),
  },
  onboarding: {
    ...words(
      "new user|new customer|first time|first-time|just signed up|just joined|just started|just bought|just got|just purchased|just downloaded|just installed|new here|new to|getting started|get started|how to get started|set up|setup|setting up|set-up|install|installing|installation|onboarding|tutorial|walkthrough|guide|first steps|beginner|newbie|just activated|activate|activation|register|registration|create an account|creating an account|my first|welcome email|trial",
      1.2,
    ),
    ...words(
      "signed up|i signed up|we signed up|recently signed up|just registered|new account|first day|first week|just created|recently joined|started using|started my trial|new to this",
      1.2,
    ),
    ...words("where to start|where do i start|where should i start", 0.6),
  },
  loyalty: {
    ...words(
      "loyal|loyal customer|long time customer|long-time customer|longtime customer|years as a customer|customer for years|customer since|been with you|been a customer|member since|for years|for over|since day one|since the beginning|always buy|always use|always used|always been|every year|renewed|renewing|renewal|regular customer|repeat customer|faithful|fan|big fan|huge fan|recommend you|recommended you|told my friends|tell my friends|tell everyone|vip|gold member|premium member|many years|decade",
      1.2,
    ),
  },
  "cancel-intent": {
    ...words(
      "cancel my subscription|cancel my account|cancel my membership|cancel my plan|cancelling my|canceling my|cancel|cancelling|canceling|cancellation|cancel my|close my account|close account|delete my account|delete account|terminate|unsubscribe|switch to another|switching to another|switch providers|switching providers|switch provider|move to another|moving to another|switch to a competitor|switching to a competitor|take my business elsewhere|going elsewhere|go elsewhere|done with you|never again|never buying|never buy|won't be back|will not be back|not renewing|won't renew|stop using|want my money back|money back|chargeback|churn",
      1.3,
    ),
    ...words("leave|leaving|switching|refund|quit|quitting|last time", 0.5),
    ...words("switch to|moving to", 0.3),
  },
  greeting: {
    ...words(
      "hi|hello|hey|heya|hiya|howdy|greetings|good morning|good afternoon|good evening|dear|hi there|hello there|hey there|welcome|thanks for contacting|thank you for contacting|thanks for reaching out|thank you for reaching out|how can i help|how may i help|what can i help you with|how can i assist|how may i assist|nice to meet you",
      1,
    ),
    ...words(
      "thanks for getting in touch|thank you for getting in touch|thanks for writing|thank you for writing|thanks for writing in|thank you for writing in|thanks for reaching out to us|what can i do for you|what can we do for you|how can we help|how may we help|how can we assist|how may we assist|how can i be of help",
      1,
    ),
  },
  goodbye: {
    ...words(
      "bye|goodbye|good bye|bye bye|see you|see ya|take care|have a nice day|have a good day|have a great day|have a lovely day|have a good one|have a nice evening|have a good evening|have a great weekend|have a nice weekend|talk soon|talk to you later|until next time|all the best|best regards|kind regards|regards|cheers|that's all|that is all|that's everything|nothing else|is there anything else|anything else i can help|anything else i can do|glad we could help|glad i could help|happy to help|good night",
      1,
    ),
    ...words(
      "you're welcome|you are welcome|youre welcome|my pleasure|any time|anytime|bye for now|speak soon|have a great one|have a nice one|have a wonderful day|have a great evening|have a good weekend|have a lovely weekend|have a wonderful weekend|enjoy your day|enjoy the rest of your day|enjoy your weekend|have a good rest of your day|thanks for chatting|thank you for chatting|nice chatting|nice talking to you|goodbye for now",
      1,
    ),
  },
  restate: {
    ...words(
      "from what i understand|if i understand correctly|if i understand you correctly|if i understood correctly|so what you're saying|so what you are saying|what i'm hearing|what i am hearing|just to confirm|just to make sure|let me make sure|to make sure i understand|to clarify|just to clarify|so you're saying|so you are saying|you mean|do you mean|in other words|if i'm not mistaken|correct me if i'm wrong|sounds like|it sounds like|i understand that|so the issue is|so the problem is",
      1,
    ),
    ...words(
      "just to check|just to double check|just to double-check|to check i have|to check i've|let me make sure i understood|make sure i understood|make sure i've understood|make sure i got|if i've understood|if i have understood|if i understood you|as i understand it|as i understand|my understanding is|so to summarise|so to summarize|to summarise|to summarize|to recap|so to recap|let me recap|so you want|so you need|so you'd like|so you would like|you're saying|you are saying|what you're saying|what you mean is",
      1,
    ),
  },
  propose: {
    ...words(
      "we can offer|i can offer|we could offer|i could offer|we can|i can|we could|i could|i'll|i will|we'll|we will|happy to offer|happy to send|i'm happy to|we are happy to|we're happy to|how about|what if|would you like|would that work|would that solution work|does that work|does that sound good|would it help|one option|another option|you could|you can|you might|try|i suggest|i recommend|we recommend|my recommendation|the best option|alternatively|instead we can|let me|allow me to|i'd be happy to|i would be happy to",
      1,
    ),
    ...words(
      "i'd recommend|i would recommend|we'd recommend|we would recommend|i'd suggest|i would suggest|we'd suggest|we would suggest|i'd propose|i would propose|my suggestion is|my suggestion would be|my advice is|my advice would be|i'd advise|i would advise|we could instead|instead we could|instead, we could|we can instead|would you prefer|would you rather|do you prefer|if you prefer|if you'd prefer|if you'd rather|shall i|should i|want me to|would you like me to|i could also|we could also|you may want to|you might want to|another way|a workaround|as a workaround",
      1,
    ),
  },
  accept: {
    ...words(
      "yes|yeah|yep|yup|sure|ok|okay|alright|all right|sounds good|sounds great|sounds perfect|that works|that would work|works for me|perfect|great|deal|agreed|i agree|let's do it|let's do that|go ahead|please do|please go ahead|fine|fine by me|that's fine|that'd be great|that would be great|that would be perfect|absolutely|of course|definitely|i accept|i'll take it|i will take it",
      1,
    ),
  },
  reject: {
    ...words(
      "no|nope|nah|no thanks|no thank you|not really|i don't want|i do not want|don't want|that doesn't work|that does not work|that won't work|that will not work|doesn't work for me|not good enough|not acceptable|unacceptable|i refuse|i disagree|i decline|rather not|i'd rather not|no way|not interested|never mind|nevermind|forget it|that's not what|not what i asked|that's not it|that's not right|that is not right|wrong",
      1,
    ),
  },
  confirm: {
    ...words(
      "is that correct|is that right|is this correct|is this right|correct?|right?|can you confirm|could you confirm|please confirm|to confirm|confirming|i confirm|confirmed|that's correct|that is correct|that's right|that is right|exactly|precisely|correct|yes that's right|yes that is right|is that the correct|on file|you will receive|you'll receive|you should receive|expect to receive|will arrive|will be delivered|has been sent|have been sent|i've sent|i have sent|i've processed|i have processed|has been processed|is on its way|has been refunded|has been issued|you can expect|you should expect|you will get|you'll get|you will see|you'll see|within # business days|within # days|within # hours|i've issued|i have issued|done|all set|it's done|is done|resolved|fixed|sorted",
      1,
    ),
    // what the agent has just done or put on record: the delivering stage
    ...words(
      "i have your|i've booked|i have booked|i've made|i have made|i've added|i have added|i've updated|i have updated|i've changed|i have changed|i've reset|i have reset|i've cancelled|i have cancelled|i've canceled|i have canceled|i've refunded|i have refunded|i've scheduled|i have scheduled|i've set up|i have set up|i've applied|i have applied|i've moved|i have moved|i've paused|i have paused|i've arranged|i have arranged|i've booked you|has been booked|is booked|has been updated|has been changed|has been cancelled|has been canceled|has been reset|has been applied|is confirmed|has been confirmed|you're all set|you are all set",
      1,
    ),
  },
  // Asking for a person, or someone more senior, instead of whoever is answering.
  escalate: {
    ...words(
      "talk to a human|speak to a human|speak with a human|talk with a human|chat with a human|a real person|real person|real human|a human please|human please|human agent|live agent|live person|talk to a person|speak to a person|speak with a person|talk to someone|speak to someone|speak with someone|talk to somebody|speak to somebody|talk to an agent|speak to an agent|speak with an agent|talk to a representative|speak to a representative|speak with a representative|talk to a rep|speak to a rep|customer service representative|an actual person|actual human|not a bot|not a robot|stop the bot|no more bots|your manager|a manager|the manager|my manager please|a supervisor|your supervisor|the supervisor|someone in charge|someone senior|escalate this|escalate my|escalate it|escalation|transfer me|put me through|connect me to|connect me with|get me someone",
      1.6,
    ),
    // "talk to an agent", "speaking with someone", "contact a person", "chat with an operator"
    ...words(
      ["talk", "talking", "speak", "speaking", "chat", "chatting"]
        .flatMap((verb) => ["to", "with"].map((prep) => `${verb} ${prep}`))
        .concat(["contact", "contacting", "reach", "reaching", "get hold of", "get through to"])
        .flatMap((lead) =>
          "a human|an agent|a person|someone|somebody|an operator|a representative|a rep|a live agent|a real person|a human agent|an actual person|a manager|a supervisor|your manager|your supervisor"
            .split("|")
            .map((who) => `${lead} ${who}`),
        )
        .join("|"),
      1.6,
    ),
    ...words(
      ["need", "want", "get", "give me", "i'd like"]
        .flatMap((lead) =>
          ["a human", "an agent", "a person", "a live agent", "an operator", "a manager"].map(
            (who) => `${lead} ${who}`,
          ),
        )
        .concat(["an agent please", "agent please", "operator please", "transfer me to"])
        .join("|"),
      1.6,
    ),
    // Declining a person outweighs the words that follow ("I don't want to talk to a human").
    ...words(
      ["don't want to", "do not want to", "don't need to", "do not need to", "no need to", "didn't ask to"]
        .flatMap((neg) =>
          ["talk to", "talk with", "speak to", "speak with", "chat with"].map((v) => `${neg} ${v}`),
        )
        .concat(["don't need a human", "don't want a human", "don't need an agent", "don't want an agent"])
        .join("|"),
      -1.6,
    ),
    ...words("agent|human|person|representative|operator|manager|supervisor", 0.2),
  },
  apology: {
    ...words(
      "sorry|i'm sorry|i am sorry|we're sorry|we are sorry|apologies|my apologies|i apologize|i apologise|we apologize|we apologise|apologize for|apologise for|sorry for the inconvenience|sorry to hear|i understand your frustration|i understand how frustrating",
      1,
    ),
  },
};

/**
 * The default English cues, by kind: phrase → weight (the core cues, then the scenario cues).
 *
 * An `ownership` phrase is an overlay: where it covers a shorter cue of another kind ("my refund" over
 * "refund"), the longest match would silence that cue, so the phrase is given the other kind too, with
 * the weight of the longest such cue inside it.
 */
export const englishCues: { readonly [K in CueKind]: Readonly<Record<string, number>> } = (() => {
  const kinds = [...new Set([...Object.keys(coreCues), ...Object.keys(scenarioCues)])] as CueKind[];
  const out = {} as Record<CueKind, Record<string, number>>;
  for (const kind of kinds) out[kind] = { ...coreCues[kind], ...scenarioCues[kind] };
  for (const phrase of Object.keys(out.ownership ?? {})) {
    const parts = phrase.split(" ");
    for (const kind of kinds) {
      const cues = out[kind];
      if (kind === "ownership" || Object.hasOwn(cues, phrase)) continue;
      let best: number | undefined;
      for (let len = parts.length - 1; len > 0 && best === undefined; len--)
        for (let from = 0; from + len <= parts.length && best === undefined; from++) {
          const inner = parts.slice(from, from + len).join(" ");
          if (Object.hasOwn(cues, inner)) best = cues[inner];
        }
      if (best !== undefined) cues[phrase] = best;
    }
  }
  return out;
})();
